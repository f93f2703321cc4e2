package org.mrharmony.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a user's device name ({@code cpu}, {@code gpu}, {@code gpu1}) into a DJL device. */
public final class Devices {

    private static final Pattern GPU = Pattern.compile("(?:gpu|cuda)(\\d*)");

    private Devices() {}

    /**
     * @throws IllegalArgumentException for an unknown name or a GPU this machine does not have
     */
    public static Device parse(String name) {
        String n = name.trim().toLowerCase(Locale.ROOT);
        if (n.equals("cpu")) {
            return Device.cpu();
        }
        Matcher m = GPU.matcher(n);
        if (!m.matches()) {
            throw new IllegalArgumentException("unknown device '" + name + "' (use cpu, gpu or gpuN)");
        }
        int index = m.group(1).isEmpty() ? 0 : Integer.parseInt(m.group(1));
        int available = Engine.getInstance().getGpuCount();
        if (index >= available) {
            throw new IllegalArgumentException("device '" + name + "' not available: this machine has "
                    + available + " GPU(s) for " + Engine.getInstance().getEngineName());
        }
        return Device.gpu(index);
    }
}
