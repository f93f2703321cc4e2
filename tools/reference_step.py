"""Times plain StarGAN v2 training iterations in PyTorch, for `mrharmony bench train --reference-step`.

Developer tool, not run by mrharmony. Written for this project from the architecture our Java
networks implement (model/Generator.java, ResBlk, AdainResBlk, DownsamplingTrunk, MappingNetwork,
StyleEncoder, Discriminator: the original StarGAN v2 with w_hpf = 0); it is not the original
code, but builds the same layers and parameter counts and makes the same passes per iteration
as the original solver: D latent-guided and reference-guided (R1 by torch.autograd.grad with
create_graph), G latent-guided with two latents (trains G, M, E) and reference-guided with two
references (E's gradients are computed, only G is stepped), Adam, EMA of G, M, E. Random
inputs: the work does not depend on the values.

Run with Debian's PyTorch (apt-get install python3-torch):
    /usr/bin/python3 tools/reference_step.py --img 64 --max-conv-dim 128 --batch 2 --sites 4 --steps 3
"""
import argparse
import copy
import math
import resource
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class ResBlk(nn.Module):
    def __init__(self, din, dout, normalize=False, downsample=False):
        super().__init__()
        self.normalize, self.downsample, self.learned = normalize, downsample, din != dout
        self.conv1 = nn.Conv2d(din, din, 3, 1, 1)
        self.conv2 = nn.Conv2d(din, dout, 3, 1, 1)
        if normalize:
            self.norm1 = nn.InstanceNorm2d(din, affine=True)
            self.norm2 = nn.InstanceNorm2d(din, affine=True)
        if self.learned:
            self.conv1x1 = nn.Conv2d(din, dout, 1, 1, 0, bias=False)

    def forward(self, x):
        s = self.conv1x1(x) if self.learned else x
        if self.downsample:
            s = F.avg_pool2d(s, 2)
        h = self.norm1(x) if self.normalize else x
        h = self.conv1(F.leaky_relu(h, 0.2))
        if self.downsample:
            h = F.avg_pool2d(h, 2)
        if self.normalize:
            h = self.norm2(h)
        h = self.conv2(F.leaky_relu(h, 0.2))
        return (s + h) / math.sqrt(2)


class AdaIN(nn.Module):
    def __init__(self, style_dim, features):
        super().__init__()
        self.norm = nn.InstanceNorm2d(features, affine=False)
        self.fc = nn.Linear(style_dim, 2 * features)

    def forward(self, x, s):
        gamma, beta = torch.chunk(self.fc(s).view(s.size(0), -1, 1, 1), 2, dim=1)
        return (1 + gamma) * self.norm(x) + beta


class AdainResBlk(nn.Module):
    def __init__(self, din, dout, style_dim, upsample=False):
        super().__init__()
        self.upsample, self.learned = upsample, din != dout
        self.conv1 = nn.Conv2d(din, dout, 3, 1, 1)
        self.conv2 = nn.Conv2d(dout, dout, 3, 1, 1)
        self.norm1 = AdaIN(style_dim, din)
        self.norm2 = AdaIN(style_dim, dout)
        if self.learned:
            self.conv1x1 = nn.Conv2d(din, dout, 1, 1, 0, bias=False)

    def forward(self, x, s):
        sc = F.interpolate(x, scale_factor=2, mode='nearest') if self.upsample else x
        if self.learned:
            sc = self.conv1x1(sc)
        h = F.leaky_relu(self.norm1(x, s), 0.2)
        if self.upsample:
            h = F.interpolate(h, scale_factor=2, mode='nearest')
        h = self.conv1(h)
        h = self.conv2(F.leaky_relu(self.norm2(h, s), 0.2))
        return (h + sc) / math.sqrt(2)


def widths(dim_in, max_dim, n):
    w = [dim_in]
    for _ in range(n):
        w.append(min(w[-1] * 2, max_dim))
    return w


class Generator(nn.Module):
    def __init__(self, img, dim_in, max_dim, style_dim, ch=3):
        super().__init__()
        r = int(math.log2(img)) - 4
        w = widths(dim_in, max_dim, r)
        self.from_rgb = nn.Conv2d(ch, dim_in, 3, 1, 1)
        self.encode = nn.ModuleList([ResBlk(w[i], w[i + 1], True, True) for i in range(r)]
                                    + [ResBlk(w[r], w[r], True) for _ in range(2)])
        self.decode = nn.ModuleList([AdainResBlk(w[r], w[r], style_dim) for _ in range(2)]
                                    + [AdainResBlk(w[i + 1], w[i], style_dim, True) for i in reversed(range(r))])
        self.to_rgb = nn.Sequential(nn.InstanceNorm2d(dim_in, affine=True), nn.LeakyReLU(0.2),
                                    nn.Conv2d(dim_in, ch, 1, 1, 0))

    def forward(self, x, s):
        h = self.from_rgb(x)
        for b in self.encode:
            h = b(h)
        for b in self.decode:
            h = b(h, s)
        return self.to_rgb(h)


class MappingNetwork(nn.Module):
    def __init__(self, latent_dim, style_dim, sites, hidden):
        super().__init__()
        layers = [nn.Linear(latent_dim, hidden), nn.ReLU()]
        for _ in range(3):
            layers += [nn.Linear(hidden, hidden), nn.ReLU()]
        self.shared = nn.Sequential(*layers)
        self.heads = nn.ModuleList([nn.Sequential(*[m for _ in range(3) for m in (nn.Linear(hidden, hidden), nn.ReLU())],
                                                  nn.Linear(hidden, style_dim)) for _ in range(sites)])

    def forward(self, z, y):
        h = self.shared(z)
        out = torch.stack([head(h) for head in self.heads], dim=1)
        return out[torch.arange(y.size(0)), y]


class Trunk(nn.Module):
    def __init__(self, img, dim_in, max_dim, ch=3):
        super().__init__()
        n = int(math.log2(img)) - 2
        w = widths(dim_in, max_dim, n)
        self.blocks = nn.Sequential(nn.Conv2d(ch, dim_in, 3, 1, 1), *[ResBlk(w[i], w[i + 1], downsample=True)
                                                                     for i in range(n)],
                                    nn.LeakyReLU(0.2), nn.Conv2d(w[n], w[n], 4, 1, 0), nn.LeakyReLU(0.2))
        self.width = w[n]

    def forward(self, x):
        return self.blocks(x).view(x.size(0), -1)


class StyleEncoder(nn.Module):
    def __init__(self, img, dim_in, max_dim, style_dim, sites):
        super().__init__()
        self.trunk = Trunk(img, dim_in, max_dim)
        self.heads = nn.ModuleList([nn.Linear(self.trunk.width, style_dim) for _ in range(sites)])

    def forward(self, x, y):
        h = self.trunk(x)
        out = torch.stack([head(h) for head in self.heads], dim=1)
        return out[torch.arange(y.size(0)), y]


class Discriminator(nn.Module):
    def __init__(self, img, dim_in, max_dim, sites):
        super().__init__()
        self.trunk = Trunk(img, dim_in, max_dim)
        self.logits = nn.Linear(self.trunk.width, sites)  # the original's 1x1 conv on a 1x1 map

    def forward(self, x, y):
        out = self.logits(self.trunk(x))
        return out[torch.arange(y.size(0)), y]


def adv(logits, target):
    return F.binary_cross_entropy_with_logits(logits, torch.full_like(logits, target))


def r1(d_out, x):
    g, = torch.autograd.grad(d_out.sum(), x, create_graph=True)
    return 0.5 * g.pow(2).view(x.size(0), -1).sum(1).mean()


def d_loss(n, x, y, y_trg, z=None, ref=None):
    x = x.requires_grad_()
    out = n['D'](x, y)
    loss = adv(out, 1) + r1(out, x)
    with torch.no_grad():
        s = n['M'](z, y_trg) if z is not None else n['E'](ref, y_trg)
        fake = n['G'](x, s)
    return loss + adv(n['D'](fake, y_trg), 0)


def g_loss(n, x, y, y_trg, zs=None, refs=None, lambda_ds=1.0):
    s = n['M'](zs[0], y_trg) if zs is not None else n['E'](refs[0], y_trg)
    fake = n['G'](x, s)
    loss = adv(n['D'](fake, y_trg), 1)
    loss = loss + torch.mean(torch.abs(n['E'](fake, y_trg) - s))
    s2 = n['M'](zs[1], y_trg) if zs is not None else n['E'](refs[1], y_trg)
    fake2 = n['G'](x, s2).detach()
    loss = loss - lambda_ds * torch.mean(torch.abs(fake - fake2))
    rec = n['G'](fake, n['E'](x, y))
    return loss + torch.mean(torch.abs(rec - x))


def step_options(p):
    """The options of both timing tools (this one and tools/original_step.py), added to parser p."""
    p.add_argument('--img', type=int, default=64)
    p.add_argument('--max-conv-dim', type=int, default=128)
    p.add_argument('--batch', type=int, default=2)
    p.add_argument('--sites', type=int, default=4)
    p.add_argument('--steps', type=int, default=3)
    p.add_argument('--warmup', type=int, default=1)
    p.add_argument('--threads', type=int, default=0)
    return p


def report(a, counts, times):
    """The two lines both timing tools print: the set-up, then seconds per timed iteration and peak RSS."""
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads; img {a.img}, dim_in {2 ** 14 // a.img}, "
          f"max_conv_dim {a.max_conv_dim}, batch {a.batch}, {a.sites} sites; parameters {counts}")
    print(f"seconds per iteration {sum(times) / len(times):.3f} (best {min(times):.3f}; "
          f"{', '.join(f'{t:.2f}' for t in times)}); peak RSS "
          f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def main():
    a = step_options(argparse.ArgumentParser()).parse_args()
    if a.threads:
        torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    dim_in = 2 ** 14 // a.img
    n = {'G': Generator(a.img, dim_in, a.max_conv_dim, 64), 'M': MappingNetwork(16, 64, a.sites, 512),
         'E': StyleEncoder(a.img, dim_in, a.max_conv_dim, 64, a.sites),
         'D': Discriminator(a.img, dim_in, a.max_conv_dim, a.sites)}
    ema = {k: copy.deepcopy(n[k]) for k in 'GME'}
    opt = {k: torch.optim.Adam(n[k].parameters(), lr=1e-6 if k == 'M' else 1e-4, betas=(0, 0.99),
                               weight_decay=1e-4) for k in 'GMED'}
    counts = {k: sum(q.numel() for q in n[k].parameters()) for k in 'GMED'}
    b, shape = a.batch, (a.batch, 3, a.img, a.img)

    def step():
        x, ref, ref2 = torch.rand(shape) * 2 - 1, torch.rand(shape) * 2 - 1, torch.rand(shape) * 2 - 1
        y, y_trg = torch.randint(a.sites, (b,)), torch.randint(a.sites, (b,))
        z, z2 = torch.randn(b, 16), torch.randn(b, 16)
        for kwargs in ({'z': z}, {'ref': ref}):
            loss = d_loss(n, x.clone(), y, y_trg, **kwargs)
            for o in opt.values():
                o.zero_grad()
            loss.backward()
            opt['D'].step()
        for latent in (True, False):
            loss = g_loss(n, x, y, y_trg, zs=(z, z2)) if latent else g_loss(n, x, y, y_trg, refs=(ref, ref2))
            for o in opt.values():
                o.zero_grad()
            loss.backward()
            opt['G'].step()
            if latent:
                opt['M'].step()
                opt['E'].step()
        with torch.no_grad():
            for k in 'GME':
                for pe, pn in zip(ema[k].parameters(), n[k].parameters()):
                    pe.copy_(torch.lerp(pn, pe, 0.999))

    for _ in range(a.warmup):
        step()
    times = []
    for _ in range(a.steps):
        t0 = time.perf_counter()
        step()
        times.append(time.perf_counter() - t0)
    report(a, counts, times)


if __name__ == '__main__':
    main()
