package org.mrharmony.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelSummaryCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /**
     * Tiny preset (img 32, dim_in 8, max 16, style 8, latent 4, hidden 16, 3 channels), 2 sites,
     * counted by hand from the layer formulas (conv: in*out*k*k + out, linear: in*out + out).
     */
    @Test
    void jsonHasExactlyTheFourCountsWorkedOutByHand() throws Exception {
        int code = Main.run("model", "summary", "--preset", "tiny", "--sites", "2", "--json");

        assertThat(code).as(stderr()).isZero();
        JsonNode json = new ObjectMapper().readTree(stdout());
        List<String> keys = new java.util.ArrayList<>();
        json.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("generator", "mapping_network", "style_encoder", "discriminator");
        assertThat(json.get("generator").isIntegralNumber()).isTrue();
        // M: shared 4*16+16 + 3*(16*16+16) = 896; each head 3*272 + (16*8+8) = 952; 896 + 2*952
        assertThat(json.get("mapping_network").asLong()).isEqualTo(896 + 2 * 952);
        // D: stem 3*8*9+8 = 224; ResBlk 8->16: 584+1168+128 = 1880; ResBlk 16->16 (x2): 2320+2320 = 4640 each;
        //    conv4x4 16*16*16+16 = 4112; logits 16*2+2 = 34
        assertThat(json.get("discriminator").asLong()).isEqualTo(224 + 1880 + 2 * 4640 + 4112 + 34);
        // E: same trunk, heads 2*(16*8+8)
        assertThat(json.get("style_encoder").asLong()).isEqualTo(224 + 1880 + 2 * 4640 + 4112 + 2 * 136);
        // G: from_rgb 224, to_rgb IN 16 + conv 8*3+3 = 27; ResBlk(8->16, IN) 1880 + 2*16 = 1912;
        //    AdainResBlk(16->8): conv 16*8*9+8 = 1160, 8*8*9+8 = 584, AdaIN fc 8*32+32 = 288 and 8*16+16 = 144,
        //    shortcut 128 -> 2304; 2 x ResBlk(16->16, IN) 2 x (4640 + 64) = 9408;
        //    2 x AdainResBlk(16->16): 2 x (2320 + 2320 + 288 + 288)
        assertThat(json.get("generator").asLong())
                .isEqualTo(224 + 16 + 27 + 1912 + 2304 + 9408 + 2 * (2320 + 2320 + 288 + 288));
    }

    @Test
    void tableNamesThePresetAndTheGeneratorsFactor() {
        int code = Main.run("model", "summary", "--preset", "paper", "--sites", "3", "--img", "64");

        assertThat(code).as(stderr()).isZero();
        assertThat(stdout())
                .contains("preset paper, 3 sites")
                .contains("img_size 64, in_channels 3, dim_in 256, max_conv_dim 512")
                .contains("H, W multiples of 4")
                .containsPattern("generator\\s+[0-9,]+")
                .contains("total");
    }

    @Test
    void unknownPresetIsAOneLineError() {
        int code = Main.run("model", "summary", "--preset", "huge", "--sites", "2");

        assertThat(code).isEqualTo(2);
        assertThat(stderr().strip()).startsWith("mrharmony model summary: error: unknown network preset 'huge'")
                .doesNotContain("\n");
    }

    @Test
    void badSizeIsAOneLineError() {
        int code = Main.run("model", "summary", "--sites", "2", "--img", "48");

        assertThat(code).isEqualTo(2);
        assertThat(stderr().strip()).isEqualTo("mrharmony model summary: error: img_size must be a power of two >= 16, got 48");
    }

    @Test
    void sitesAreRequired() {
        int code = Main.run("model", "summary", "--preset", "tiny");

        assertThat(code).isNotZero();
        assertThat(stderr()).contains("--sites");
    }
}
