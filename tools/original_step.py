"""Times iterations of the ORIGINAL StarGAN v2 training loop, for `mrharmony bench train --reference-step`.

Developer tool, not run by mrharmony. Where tools/reference_step.py re-implements the networks,
this harness runs the original code of github.com/clovaai/stargan-v2 itself, from a checkout the
user provides (`--original DIR`, the folder holding `core/`). That code is licensed CC BY-NC 4.0,
so none of it is copied here or anywhere in this repository; this file only imports it.

What runs is the original's own `core.solver.Solver`: its `__init__` builds the networks with
`core.model.build_model` (each wrapped in nn.DataParallel, as the original does; on a CPU that
wrapper just calls the module), initialises them with `core.utils.he_init` and makes the Adam
optimisers from the args (lr 1e-4, f_lr 1e-6 for the mapping network, betas (0, 0.99), weight
decay 1e-4: main.py's defaults); `Solver.train` then runs its loop unchanged: D latent-guided, D
reference-guided (R1 by torch.autograd.grad with create_graph), G latent-guided with z_trg/z_trg2,
G reference-guided with x_ref/x_ref2, the optimiser steps, the three `moving_average` calls and
the lambda_ds decay (from 1, i.e. as at step 0). Logging, sampling, checkpoints and metrics are set
never to fire.

Only modules an iteration does not use are replaced (in sys.modules, before the original is
imported): `core.data_loader` (its InputFetcher reads image folders; ours hands out random batches
of the original's shapes and records when each iteration starts: the work does not depend on the
values), `core.wing` (the face-landmark network, used only when w_hpf > 0), `metrics.eval`
(FID/LPIPS), and, when they are not installed, the third-party imports of core/utils.py that no
training step calls (tqdm, ffmpeg, torchvision) and `munch` (an attribute dict).

max_conv_dim: the original's build_model leaves it at the constructors' default (512); the
issue's benchmark command sets it to 128, so the harness changes that default of Generator,
StyleEncoder and Discriminator before build_model runs (nothing else in the original changes).

Run with Debian's PyTorch (apt-get install python3-torch), e.g.
    /usr/bin/python3 tools/original_step.py --original ~/stargan-v2 \
        --img 64 --max-conv-dim 128 --batch 2 --sites 4 --steps 3 --warmup 1 --threads 2
"""
import argparse
import inspect
import os
import sys
import tempfile
import time
import types

import torch

# the options and the report shared with our re-implementation (same folder)
from reference_step import report, step_options


class RandomBatches:
    """Stands in for the original's core.data_loader.InputFetcher: random inputs of its shapes.

    The original's training loop calls next() once at the top of every iteration, so the time from
    one batch handed out to the next call is exactly one iteration's loop body.
    """
    img_size = batch_size = num_domains = None
    handed_out = []   # perf_counter() when each training batch was handed out
    called = []       # perf_counter() when each training batch was asked for

    def __init__(self, loader, loader_ref=None, latent_dim=16, mode=''):
        self.latent_dim, self.mode = latent_dim, mode

    def __iter__(self):
        return self

    def __next__(self):
        now = time.perf_counter()
        b, shape = RandomBatches.batch_size, (RandomBatches.batch_size, 3, RandomBatches.img_size,
                                              RandomBatches.img_size)
        munch = sys.modules['munch']
        if self.mode != 'train':
            return munch.Munch(x_src=torch.rand(shape) * 2 - 1, y_src=self.labels(b),
                               x_ref=torch.rand(shape) * 2 - 1, y_ref=self.labels(b))
        inputs = munch.Munch(x_src=torch.rand(shape) * 2 - 1, y_src=self.labels(b),
                             y_ref=self.labels(b), x_ref=torch.rand(shape) * 2 - 1,
                             x_ref2=torch.rand(shape) * 2 - 1,
                             z_trg=torch.randn(b, self.latent_dim), z_trg2=torch.randn(b, self.latent_dim))
        RandomBatches.called.append(now)
        RandomBatches.handed_out.append(time.perf_counter())
        return inputs

    @staticmethod
    def labels(b):
        return torch.randint(RandomBatches.num_domains, (b,))


def module(name, **attributes):
    m = types.ModuleType(name)
    m.__dict__.update(attributes)
    return m


def unused(what):
    def fail(*args, **kwargs):
        raise RuntimeError(f"original_step.py: {what} is stubbed out; a training step should not call it")
    return fail


class AttributeDict(dict):
    """Minimal stand-in for munch.Munch: a dict whose keys are also attributes."""

    def __getattr__(self, key):
        try:
            return self[key]
        except KeyError as e:
            raise AttributeError(key) from e

    def __setattr__(self, key, value):
        self[key] = value

    def __delattr__(self, key):
        del self[key]


def install_stubs():
    stubs = {'core.data_loader': module('core.data_loader', InputFetcher=RandomBatches,
                                        get_train_loader=unused('get_train_loader'),
                                        get_test_loader=unused('get_test_loader')),
             'core.wing': module('core.wing', FAN=unused('core.wing.FAN (w_hpf > 0)')),
             'metrics': module('metrics'),
             'metrics.eval': module('metrics.eval', calculate_metrics=unused('calculate_metrics'))}
    stubs['metrics'].eval = stubs['metrics.eval']
    for name, stub in stubs.items():
        sys.modules[name] = stub
    replaced = list(stubs)
    third_party = {'munch': lambda: module('munch', Munch=AttributeDict),
                   'tqdm': lambda: module('tqdm', tqdm=unused('tqdm')),
                   'ffmpeg': lambda: module('ffmpeg'),
                   'torchvision': lambda: module('torchvision', utils=module('torchvision.utils'))}
    for name, make in third_party.items():
        try:
            __import__(name)
        except ImportError:
            sys.modules[name] = make()
            if name == 'torchvision':
                sys.modules['torchvision.utils'] = sys.modules['torchvision'].utils
            replaced.append(name)
    return replaced


def set_default(cls, parameter, value):
    """Changes one keyword default of cls.__init__ (how the original's build_model gets max_conv_dim)."""
    init = cls.__init__
    with_defaults = [p.name for p in inspect.signature(init).parameters.values()
                     if p.default is not inspect.Parameter.empty and p.kind != p.KEYWORD_ONLY]
    defaults = list(init.__defaults__)
    defaults[with_defaults.index(parameter)] = value
    init.__defaults__ = tuple(defaults)


def main():
    p = argparse.ArgumentParser()
    p.add_argument('--original', required=True, help='checkout of clovaai/stargan-v2 (the folder holding core/)')
    a = step_options(p).parse_args()
    original = os.path.abspath(a.original)
    for f in ('core/model.py', 'core/solver.py', 'core/utils.py', 'core/checkpoint.py'):
        if not os.path.isfile(os.path.join(original, f)):
            sys.exit(f"original_step.py: error: {os.path.join(original, f)}: missing (need a clovaai/stargan-v2 checkout)")
    if a.threads:
        torch.set_num_threads(a.threads)
    replaced = install_stubs()
    sys.path.insert(0, original)
    import core.model
    import core.solver
    for cls in (core.model.Generator, core.model.StyleEncoder, core.model.Discriminator):
        set_default(cls, 'max_conv_dim', a.max_conv_dim)

    RandomBatches.img_size, RandomBatches.batch_size, RandomBatches.num_domains = a.img, a.batch, a.sites
    torch.manual_seed(777)  # main.py's default seed
    with tempfile.TemporaryDirectory() as never_written:
        never = 10 ** 9
        args = sys.modules['munch'].Munch(
            img_size=a.img, num_domains=a.sites, latent_dim=16, hidden_dim=512, style_dim=64,
            lambda_reg=1.0, lambda_cyc=1.0, lambda_sty=1.0, lambda_ds=1.0, ds_iter=100000, w_hpf=0.0,
            randcrop_prob=0.5, total_iters=a.warmup + a.steps, resume_iter=0, batch_size=a.batch,
            val_batch_size=a.batch, lr=1e-4, f_lr=1e-6, beta1=0.0, beta2=0.99, weight_decay=1e-4,
            num_outs_per_domain=10, mode='train', num_workers=0, seed=777,
            checkpoint_dir=os.path.join(never_written, 'checkpoints'),
            sample_dir=os.path.join(never_written, 'samples'), eval_dir=os.path.join(never_written, 'eval'),
            print_every=never, sample_every=never, save_every=never, eval_every=never)
        solver = core.solver.Solver(args)
        names = {'G': 'generator', 'M': 'mapping_network', 'E': 'style_encoder', 'D': 'discriminator'}
        counts = {k: sum(q.numel() for q in solver.nets[v].parameters()) for k, v in names.items()}
        loaders = sys.modules['munch'].Munch(src=None, ref=None, val=None)
        solver.train(loaders)
        end = time.perf_counter()
    starts = RandomBatches.handed_out
    ends = RandomBatches.called[1:] + [end]
    times = [e - s for s, e in zip(starts, ends)][a.warmup:]
    print(f"original StarGAN v2 ({original}); stubbed: {', '.join(replaced)}")
    report(a, counts, times)


if __name__ == '__main__':
    main()
