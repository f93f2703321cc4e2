"""Builds src/main/resources/org/mrharmony/train/r1_input_gradient.pt (developer tool, not run by mrharmony).

DJL's PyTorch engine exposes backward() but not torch.autograd.grad. R1 needs dD(x)/dx with
create_graph=True; doing that with backward() leaves graph-carrying .grad fields on the
parameters and on x, reference cycles PyTorch only frees when .grad is reset to None, which DJL
cannot do: a native-memory leak of several MB per step (measured). This TorchScript module calls
torch.autograd.grad, which returns the gradient without touching any .grad field.

Run with Debian's PyTorch:  apt-get install python3-torch ; /usr/bin/python3 tools/make_r1_gradient_module.py
The file is loaded by org.mrharmony.train.InputGradient with libtorch 2.7 (TorchScript is forward compatible).
"""
import os
import torch


class InputGradient(torch.nn.Module):
    def forward(self, out: torch.Tensor, x: torch.Tensor) -> torch.Tensor:
        grads = torch.autograd.grad([out.sum()], [x], create_graph=True)
        g = grads[0]
        assert g is not None
        return g


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    target = os.path.join(here, "..", "src", "main", "resources", "org", "mrharmony", "train",
                          "r1_input_gradient.pt")
    os.makedirs(os.path.dirname(target), exist_ok=True)
    scripted = torch.jit.script(InputGradient())
    scripted.save(target)
    # self-check: d/dx sum(w x^2) = 2 w x, and the result is differentiable again
    x = torch.tensor([[1.0, 2.0]], requires_grad=True)
    w = torch.tensor([0.5, -1.0], requires_grad=True)
    g = torch.jit.load(target)(( x * x * w).sum(dim=1), x)
    assert torch.allclose(g, 2 * w * x)
    (g * g).sum().backward()
    print("wrote", os.path.normpath(target), "torch", torch.__version__)
