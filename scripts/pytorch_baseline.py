#!/usr/bin/env python3
"""PyTorch CPU baseline for `gradcast bench train`.

Gradcast trains the course's lessons with TensorFlow.js. The course's own framework is PyTorch, and the
speed goal (issue 3, "Speed") is to be no slower than PyTorch on the CPU of the same machine. This script
measures that peer: for every training lesson of ../shared/lessons.md it builds the catalogue's model in
plain PyTorch, with the lesson's loss, optimizer, learning rate and batch size, and times one training step.

What is measured
  One training step = optimizer.zero_grad() + forward + loss + backward + optimizer.step(), on one batch
  that is made once before timing. Data loading, shuffling and metrics are NOT measured: the figure is the
  cost of the arithmetic plus PyTorch's per-op overhead, which is what the engine's step has to beat.
  Data is random with the lesson's shapes (no dataset can be downloaded here): MNIST images are uniform
  floats in [0, 1] (1x28x28, or 1x16x16 for ch09), labels 0..9; the small synthetic sets are small random
  tensors of the catalogue's sizes. Random values cost the same as real ones for dense float kernels.

  Comparison lessons (several variants trained in lockstep) are timed as ONE step of the whole
  comparison: one step of every variant, all on the same batch (ch03-01 compares batch sizes, so there each
  variant takes the first 60/1/5/10 rows). The per-variant part of that step is reported in `variants`.

  Linear layers in PyTorch's CPU build run through whatever libblas.so.3 the system selects; the header
  line names the library loaded. Debian's default (libblas3, the reference BLAS) is far slower on the
  large-batch MLP lessons than OpenBLAS would be; convolutions use oneDNN either way.

  Each lesson runs 5 warm-up steps (allocator, oneDNN primitive creation), then at least --steps timed
  steps, and more for tiny models so that about 0.5 s of work is timed; the reported figure is the median.

Usage
  /usr/bin/python3 scripts/pytorch_baseline.py [--lessons ch06-02,ch09-05,...] [--threads N] [--steps N] [--json]

  Debian's python3-torch installs into the system Python (/usr/bin/python3); started from another python3
  (pyenv, venv) without torch, the script re-runs itself once under /usr/bin/python3.
  With --json the last line of stdout is one JSON array:
  [{"lesson", "msPerStep", "stepsPerSecond", "threads", "torch", "variants"?, "batch"?, "steps", "msMin",
    "cpuMsPerStep"}, ...]. msPerStep is the median wall time; msMin the fastest step; cpuMsPerStep the
  median step's process CPU time, all threads (a machine shared with other work inflates wall time first).
  Exit 3 if torch is missing, 2 on a bad argument.
"""

import argparse
import json
import math
import os
import statistics
import sys
import time

try:
    import torch
    from torch import nn
except ImportError:  # checked in main(), after argument parsing, so --help works without torch
    torch = None
    nn = None

WARMUP_STEPS = 5
TARGET_SECONDS = 0.5      # timed work per lesson for tiny models
MAX_STEPS = 20000         # cap on timed steps for the tiniest models


# ---------------------------------------------------------------------------------------------------
# Small building blocks


class ManualGD:
    """The course's hand-written gradient descent (ch02-01, ch02-03, ch03-01): w.data = w.data - lr*w.grad.

    It has the optimizer interface so the timed step is the same five calls as for torch.optim."""

    def __init__(self, params, lr):
        self.params = list(params)
        self.lr = lr
        self.state = {}

    def zero_grad(self):
        for p in self.params:
            if p.grad is not None:
                p.grad.data.zero_()

    def step(self):
        for p in self.params:
            p.data = p.data - self.lr * p.grad.data


class Variant:
    """One model + loss + optimizer + batch. step() is exactly what is timed."""

    def __init__(self, name, forward, params, loss_fn, optimizer, x, y, batch, modules=(),
                 expected_params=None, reset=None, reset_every=0):
        self.name = name
        self.forward = forward
        self.params = list(params)
        self.loss_fn = loss_fn
        self.opt = optimizer
        self.x = x
        self.y = y
        self.batch = batch
        self.reset = reset
        self.reset_every = reset_every
        for m in modules:
            m.train()  # the course trains in train mode (dropout and batch norm active)
        self.n_params = sum(p.numel() for p in self.params)
        self.expected_params = expected_params

    def step(self):
        self.opt.zero_grad()
        out = self.forward(self.x)
        loss = self.loss_fn(out, self.y)
        loss.backward()
        self.opt.step()


class Lesson:
    def __init__(self, lesson_id, summary, variants):
        self.id = lesson_id
        self.summary = summary
        self.variants = variants


def module_variant(name, model, loss_fn, make_opt, x, y, expected_params, extra_modules=()):
    """A variant whose model is an nn.Module; the optimizer gets all its registered parameters,
    as `optimizer(model.parameters(), ...)` does in the course (unused ones get no gradient)."""
    holder = nn.ModuleList([model, *extra_modules])
    params = list(holder.parameters())
    return Variant(name, model, params, loss_fn, make_opt(params), x, y, x.shape[0],
                   modules=[holder], expected_params=expected_params)


def mlp(sizes, act, out_act=None, bn_after_act=False, dropout=None, bn_before_act=False):
    """Linear layers with `act` between them. bn_after_act: linear -> act -> BatchNorm1d (ch08-09).
    bn_before_act: linear -> BatchNorm1d -> (dropout) -> act (ch08-10's "+ BN" run).
    dropout: linear -> Dropout(p) -> act, i.e. dropout on the pre-activation (ch08-03/04, ch08-10)."""
    layers = []
    for i in range(len(sizes) - 1):
        layers.append(nn.Linear(sizes[i], sizes[i + 1]))
        if i < len(sizes) - 2:
            if bn_before_act:
                layers.append(nn.BatchNorm1d(sizes[i + 1]))
            if dropout is not None:
                layers.append(nn.Dropout(dropout))
            layers.append(act())
            if bn_after_act:
                layers.append(nn.BatchNorm1d(sizes[i + 1]))
    if out_act is not None:
        layers.append(out_act())
    return nn.Sequential(*layers)


def bce_by_hand(yhat, y):
    """The course's hand-written BCE (ch05-02, ch07-01): -mean(y log yhat + (1-y) log(1-yhat))."""
    return -torch.mean(y * torch.log(yhat) + (1 - y) * torch.log(1 - yhat))


def sgd(lr, momentum=0.0):
    return lambda params: torch.optim.SGD(params, lr=lr, momentum=momentum)


def adam(lr):
    return lambda params: torch.optim.Adam(params, lr=lr)


# Random data of the catalogue's shapes -------------------------------------------------------------

def mnist_flat(b):
    return torch.rand(b, 784), torch.randint(0, 10, (b,))


def mnist_img(b, side):
    return torch.rand(b, 1, side, side), torch.randint(0, 10, (b,))


def line_x(n):
    """x = -3...3 step 0.1 (60 points), as a column, first n rows."""
    return (torch.arange(-30, 30, dtype=torch.float32) / 10).view(-1, 1)[:n]


def spiral(b):
    """b points of the 3-arm spiral (2-D) with labels 0..2 (ch08-02/08/10)."""
    k = torch.randint(0, 3, (b,))
    r = torch.rand(b)
    theta = 4 * k.float() + 4 * r + 0.2 * torch.randn(b)
    return torch.stack([r * torch.sin(theta), r * torch.cos(theta)], 1), k


# ---------------------------------------------------------------------------------------------------
# The catalogue's training lessons. Each builder returns a Lesson; expected_params are the catalogue's
# trainable-parameter counts and are checked, so a wrong model is caught.


def ch02_01():
    x = line_x(60)
    y = -3 * x + 0.1 * torch.randn_like(x)
    w = torch.tensor(-10.0, requires_grad=True)
    v = Variant("w", lambda t: w * t, [w], nn.MSELoss(), ManualGD([w], 0.1), x, y, 60, expected_params=1)
    return Lesson("ch02-01", "yhat=w*x, MSE, manual GD 0.1, batch 60", [v])


def linear_wb_manual(name, n, lr=0.1):
    x = line_x(n)
    y = x - 1 + 0.1 * torch.randn_like(x)
    w = torch.tensor(-15.0, requires_grad=True)
    b = torch.tensor(-10.0, requires_grad=True)
    return Variant(name, lambda t: w * t + b, [w, b], nn.MSELoss(), ManualGD([w, b], lr), x, y, n,
                   expected_params=2)


def ch02_03():
    return Lesson("ch02-03", "yhat=w*x+b, MSE, manual GD 0.1, batch 60", [linear_wb_manual("wb", 60)])


def ch03_01():
    # Full batch, then batch 1, 5 and 10 (the catalogue's final overlay). The lesson's manual per-sample
    # loop is the same computation as batch 1 and is not counted twice.
    vs = [linear_wb_manual("batch%d" % n, n) for n in (60, 1, 5, 10)]
    return Lesson("ch03-01", "yhat=w*x+b, MSE, manual GD 0.1, batch 60|1|5|10", vs)


def linear_1_1_sgd(name, lr, x, y):
    return module_variant(name, nn.Linear(1, 1), nn.MSELoss(), sgd(lr), x, y, 2)


def ch03_02():
    x = line_x(1)
    return Lesson("ch03-02", "Linear 1-1, MSE, SGD 0.01, batch 1",
                  [linear_1_1_sgd("linear", 0.01, x, x - 1)])


def ch03_03():
    x = line_x(1)
    y = -3 * x + 1 + torch.randn_like(x)
    vs = [linear_1_1_sgd("lr%g" % lr, lr, x, y) for lr in (0.0001, 0.001, 0.01, 0.1)]
    return Lesson("ch03-03", "Linear 1-1, MSE, SGD lr 1e-4|1e-3|1e-2|0.1, batch 1", vs)


def ch04_01():
    x1 = torch.arange(-10, 10, dtype=torch.float32)[:2].view(-1, 1) / 10
    x = torch.cat([x1, x1], 1)
    y = x.sum(1, keepdim=True) + 1 + torch.randn(2, 1)
    v = module_variant("linear", nn.Linear(2, 1), nn.MSELoss(), sgd(0.1), x, y, 3)
    return Lesson("ch04-01", "Linear 2-1, MSE, SGD 0.1, batch 2", [v])


def ch04_02():
    x1 = torch.arange(-10, 10, dtype=torch.float32)[:5].view(-1, 1) / 10
    x = torch.cat([x1, x1], 1)
    y = torch.randn(5, 2)
    v = module_variant("linear", nn.Linear(2, 2), nn.MSELoss(), sgd(0.1), x, y, 6)
    return Lesson("ch04-02", "Linear 2-2, MSE, SGD 0.1, batch 5", [v])


def ch05_02():
    x = (torch.arange(0, 3, dtype=torch.float32).view(-1, 1) - 10) / 10
    y = (x > 0.2).float()
    vs = []
    for name, loss in (("mse", nn.MSELoss()), ("bce", bce_by_hand)):
        model = nn.Sequential(nn.Linear(1, 1), nn.Sigmoid())
        with torch.no_grad():
            model[0].weight.fill_(-5.0)
            model[0].bias.fill_(-10.0)
        vs.append(module_variant(name, model, loss, sgd(2.0), x, y, 2))
    return Lesson("ch05-02", "Linear 1-1 + sigmoid, MSE|hand BCE, SGD 2, batch 3", vs)


def ch06_01():
    x = torch.randn(5, 1)
    y = torch.randint(0, 3, (5,))
    v = module_variant("linear", nn.Linear(1, 3), nn.CrossEntropyLoss(), sgd(0.01), x, y, 6)
    return Lesson("ch06-01", "Linear 1-3, CE, SGD 0.01, batch 5", [v])


def ch06_02():
    x, y = mnist_flat(100)
    v = module_variant("softmax", nn.Linear(784, 10), nn.CrossEntropyLoss(), sgd(0.1), x, y, 7850)
    return Lesson("ch06-02", "Linear 784-10, CE, SGD 0.1, batch 100", [v])


def ch07_01():
    x = torch.tensor([[-3.0]])
    y = torch.tensor([[1.0]])
    model = mlp([1, 2, 1], nn.Sigmoid, out_act=nn.Sigmoid)
    v = module_variant("1-2-1", model, bce_by_hand, sgd(0.1), x, y, 7)
    return Lesson("ch07-01", "1-2-1 sigmoid, hand BCE, SGD 0.1, batch 1", [v])


def ch07_02():
    x = torch.linspace(-20, 20, 100).view(-1, 1)
    y = (((x > -10) & (x < -5)) | ((x > 5) & (x < 10))).float()  # N x 1 targets (catalogue bug 9)
    vs = [module_variant("h%d" % h, mlp([1, h, 1], nn.Sigmoid, out_act=nn.Sigmoid), nn.BCELoss(),
                         adam(0.1), x, y, p) for h, p in ((7, 22), (13, 40))]
    return Lesson("ch07-02", "1-7-1 | 1-13-1 sigmoid, BCE, Adam 0.1, batch 100", vs)


def ch07_03():
    x = torch.tensor([[0.0, 1.0]]) + 0.01 * torch.randn(1, 2)
    y = torch.tensor([[1.0]])
    v = module_variant("2-2-1", mlp([2, 2, 1], nn.Sigmoid, out_act=nn.Sigmoid), nn.BCELoss(), sgd(0.1),
                       x, y, 9)
    return Lesson("ch07-03", "2-2-1 sigmoid (XOR), BCE, SGD 0.1, batch 1", [v])


def ch07_04():
    x, y = mnist_flat(2000)
    v = module_variant("784-100-10", mlp([784, 100, 10], nn.Sigmoid), nn.CrossEntropyLoss(), sgd(0.01),
                       x, y, 79510)
    return Lesson("ch07-04", "784-100-10 sigmoid, CE, SGD 0.01, batch 2000", [v])


ACTS = (("sigmoid", lambda: nn.Sigmoid), ("tanh", lambda: nn.Tanh), ("relu", lambda: nn.ReLU))


def ch07_05():
    x, y = mnist_flat(2000)
    vs = [module_variant(n, mlp([784, 10, 10], a()), nn.CrossEntropyLoss(), sgd(0.01), x, y, 7960)
          for n, a in ACTS]
    return Lesson("ch07-05", "784-10-10 sigmoid|tanh|relu, CE, SGD 0.01, batch 2000", vs)


def ch07_05b():
    x = torch.linspace(-20, 20, 100).view(-1, 1)[:5]
    y = torch.randint(0, 3, (5,))
    # ReLU, sigmoid and tanh side by side, as the lesson trains them (the course's commented-out comparison).
    vs = [module_variant(n, mlp([1, 2, 3], a()), nn.CrossEntropyLoss(), sgd(0.1), x, y, 13) for n, a in ACTS]
    return Lesson("ch07-05b", "1-2-3 relu|sigmoid|tanh, CE, SGD 0.1, batch 5", vs)


def ch08_01():
    x, y = mnist_flat(2000)
    vs = [module_variant(n, mlp([784, 50, 50, 10], a()), nn.CrossEntropyLoss(), sgd(0.01), x, y, 42310)
          for n, a in ACTS]
    return Lesson("ch08-01", "784-50-50-10 sigmoid|tanh|relu, CE, SGD 0.01, batch 2000", vs)


def ch08_02():
    x, y = spiral(20)
    v = module_variant("2-10-10-3", mlp([2, 10, 10, 3], nn.ReLU), nn.CrossEntropyLoss(), sgd(0.01),
                       x, y, 173)
    return Lesson("ch08-02", "2-10-10-3 ReLU, CE, SGD 0.01, batch 20", [v])


def ch08_03():
    x = torch.rand(1000, 2) + 0.283 * torch.randn(1000, 2)
    y = torch.randint(0, 2, (1000,))
    vs = [module_variant("p%g" % p, mlp([2, 300, 300, 2], nn.ReLU, dropout=p), nn.CrossEntropyLoss(),
                         adam(0.01), x, y, 91802) for p in (0.0, 0.5)]
    return Lesson("ch08-03", "2-300-300-2 ReLU, dropout 0|0.5, CE, Adam 0.01, batch 1000", vs)


def ch08_04():
    x = torch.linspace(-1, 1, 40).view(-1, 1)
    y = x ** 2 + torch.randn_like(x)
    vs = [module_variant("p%g" % p, mlp([1, 300, 300, 1], nn.ReLU, dropout=p), nn.MSELoss(),
                         adam(0.01), x, y, 91201) for p in (0.0, 0.5)]
    return Lesson("ch08-04", "1-300-300-1 ReLU, dropout 0|0.5, MSE, Adam 0.01, batch 40", vs)


def ch08_05():
    # The lesson's point is symmetric vs random initialisation; both variants use the active run's
    # loss (MSE) so that only the initial weights differ. The compute is identical either way.
    x = torch.tensor([[-3.0]])
    y = torch.tensor([[1.0]])
    same = mlp([1, 2, 1], nn.Sigmoid, out_act=nn.Sigmoid)
    with torch.no_grad():
        for m in same:
            if isinstance(m, nn.Linear):
                m.weight.fill_(1.0)
                m.bias.fill_(0.0)
    vs = [module_variant("same", same, nn.MSELoss(), sgd(0.1), x, y, 7),
          module_variant("random", mlp([1, 2, 1], nn.Sigmoid, out_act=nn.Sigmoid), nn.MSELoss(),
                         sgd(0.1), x, y, 7)]
    return Lesson("ch08-05", "1-2-1 sigmoid, same|random init, MSE, SGD 0.1, batch 1", vs)


def ch08_06():
    x, y = mnist_flat(2000)
    sizes = [784, 100, 200, 100, 10]

    def build(act, init):
        model = mlp(sizes, act)
        with torch.no_grad():
            for m in model:
                if isinstance(m, nn.Linear) and init is not None:
                    init(m.weight)
        return model

    inits = (("default", nn.Tanh, None),
             ("he", nn.ReLU, lambda w: nn.init.kaiming_uniform_(w, nonlinearity="relu")),
             ("xavier", nn.Tanh, nn.init.xavier_uniform_),
             ("uniform", nn.Tanh, lambda w: w.uniform_(0.0, 1.0)))
    vs = [module_variant(n, build(a, i), nn.CrossEntropyLoss(), sgd(0.01), x, y, 119810)
          for n, a, i in inits]
    return Lesson("ch08-06", "784-100-200-100-10 default/tanh|He/ReLU|Xavier/tanh|U(0,1)/tanh, CE, "
                  "SGD 0.01, batch 2000", vs)


def ch08_07():
    # A single weight w, input fixed at 1 (yhat = w); the loss is the objective itself. No data batch.
    # The weight and momentum buffer are put back to the start every run length (10 or 100 steps), outside
    # the timed step, so that the cubic (no minimum) does not run off to infinity.
    one = torch.ones(1, 1)

    def cubic(yhat, _):
        return (yhat ** 3).sum()

    def quartic(yhat, _):
        w = yhat.sum()
        return 2 * w ** 4 - 9 * w ** 3 - 21 * w ** 2 + 88 * w + 48

    vs = []
    for name, obj, lr, start, run in (("cubic-m0", cubic, 0.01, 4.0, 10), ("cubic-m0.9", cubic, 0.01, 4.0, 10),
                                      ("quartic-m0", quartic, 0.001, 6.0, 100),
                                      ("quartic-m0.9", quartic, 0.001, 6.0, 100)):
        model = nn.Linear(1, 1, bias=False)
        v = module_variant(name, model, obj, sgd(lr, 0.9 if name.endswith("0.9") else 0.0), one, None, 1)

        def reset(model=model, start=start, v=v):
            with torch.no_grad():
                model.weight.fill_(start)
            v.opt.state.clear()

        reset()
        v.reset, v.reset_every = reset, run
        vs.append(v)
    return Lesson("ch08-07", "single weight, w^3 | quartic, SGD 0.01|0.001, momentum 0|0.9", vs)


def ch08_08():
    x, y = spiral(20)
    vs = [module_variant("m%g" % m, mlp([2, 50, 3], nn.ReLU), nn.CrossEntropyLoss(), sgd(0.1, m), x, y, 303)
          for m in (0.0, 0.1, 0.4, 0.5)]
    return Lesson("ch08-08", "2-50-3 ReLU, CE, SGD 0.1 momentum 0|0.1|0.4|0.5, batch 20", vs)


def ch08_09():
    x, y = mnist_flat(2000)
    vs = [module_variant("bn", mlp([784, 100, 100, 10], nn.Sigmoid, bn_after_act=True),
                         nn.CrossEntropyLoss(), adam(0.1), x, y, 90010),
          module_variant("plain", mlp([784, 100, 100, 10], nn.Sigmoid), nn.CrossEntropyLoss(), adam(0.1),
                         x, y, 89610)]
    return Lesson("ch08-09", "784-100-100-10 sigmoid, BN after sigmoid | none, CE, Adam 0.1, batch 2000", vs)


def ch08_10():
    x, y = spiral(20)
    norm = module_variant("norm", mlp([2, 100, 3], nn.ReLU), nn.CrossEntropyLoss(), sgd(0.1), x, y, 603)
    # "Adv": ReLU(Dropout(p=0)(Linear)) on the hidden layer; the BatchNorm1d(100) and BatchNorm1d(3)
    # modules are registered (their 206 parameters go to the optimizer) but unused in forward.
    adv = module_variant("adv", mlp([2, 100, 3], nn.ReLU, dropout=0.0), nn.CrossEntropyLoss(), sgd(0.1, 0.4),
                         x, y, 603 + 206, extra_modules=[nn.BatchNorm1d(100), nn.BatchNorm1d(3)])
    # Our lesson trains a third run, the advanced network the title claims: batch norm on the hidden
    # pre-activation, before dropout and ReLU (2*100 + 100 + 2*100 + 300 + 3 = 803 parameters).
    adv_bn = module_variant("adv+bn", mlp([2, 100, 3], nn.ReLU, dropout=0.0, bn_before_act=True), nn.CrossEntropyLoss(),
                            sgd(0.1, 0.4), x, y, 803)
    return Lesson("ch08-10", "2-100-3 ReLU, plain SGD 0.1 | dropout(0)+momentum 0.4 | same + BN before ReLU, CE, batch 20",
                  [norm, adv, adv_bn])


def ch09_04():
    # 11x11 bar images: 5 vertical (rows 1-9, cols 4-6) and 5 horizontal bars, pixels Bernoulli(0.9).
    x = torch.zeros(10, 1, 11, 11)
    x[:5, 0, 1:10, 4:7] = (torch.rand(5, 9, 3) < 0.9).float()
    x[5:, 0, 4:7, 1:10] = (torch.rand(5, 3, 9) < 0.9).float()
    y = torch.tensor([0] * 5 + [1] * 5)
    model = nn.Sequential(nn.Conv2d(1, 2, 2), nn.ReLU(), nn.MaxPool2d(2, stride=1),
                          nn.Conv2d(2, 1, 2), nn.ReLU(), nn.MaxPool2d(2, stride=1),
                          nn.Flatten(), nn.Linear(49, 2))
    v = module_variant("cnn", model, nn.CrossEntropyLoss(), adam(0.001), x, y, 119)
    return Lesson("ch09-04", "conv(2)-conv(1)-fc on 11x11, CE, Adam 0.001, batch 10", [v])


def cnn16(bn):
    """ch09-05 CNN on 16x16; bn=True is ch09-06 (b): BN2d after each conv, BN1d(10) on the logits."""
    layers = [nn.Conv2d(1, 16, 5, padding=2)] + ([nn.BatchNorm2d(16)] if bn else []) + \
             [nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(16, 32, 5, padding=2)] + \
             ([nn.BatchNorm2d(32)] if bn else []) + \
             [nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(512, 10)] + \
             ([nn.BatchNorm1d(10)] if bn else [])
    return nn.Sequential(*layers)


def ch09_05():
    x, y = mnist_img(100, 16)
    v = module_variant("cnn", cnn16(False), nn.CrossEntropyLoss(), sgd(0.1), x, y, 18378)
    return Lesson("ch09-05", "conv16-conv32-fc on 16x16, CE, SGD 0.1, batch 100", [v])


def ch09_06():
    x, y = mnist_img(100, 16)
    vs = [module_variant("plain", cnn16(False), nn.CrossEntropyLoss(), sgd(0.1), x, y, 18378),
          module_variant("bn", cnn16(True), nn.CrossEntropyLoss(), sgd(0.1), x, y, 18494)]
    return Lesson("ch09-06", "conv16-conv32-fc 16x16, no BN | BN, CE, SGD 0.1, batch 100", vs)


LESSONS = {
    "ch02-01": ch02_01, "ch02-03": ch02_03, "ch03-01": ch03_01, "ch03-02": ch03_02, "ch03-03": ch03_03,
    "ch04-01": ch04_01, "ch04-02": ch04_02, "ch05-02": ch05_02, "ch06-01": ch06_01, "ch06-02": ch06_02,
    "ch07-01": ch07_01, "ch07-02": ch07_02, "ch07-03": ch07_03, "ch07-04": ch07_04, "ch07-05": ch07_05,
    "ch07-05b": ch07_05b, "ch08-01": ch08_01, "ch08-02": ch08_02, "ch08-03": ch08_03, "ch08-04": ch08_04,
    "ch08-05": ch08_05, "ch08-06": ch08_06, "ch08-07": ch08_07, "ch08-08": ch08_08, "ch08-09": ch08_09,
    "ch08-10": ch08_10, "ch09-04": ch09_04, "ch09-05": ch09_05, "ch09-06": ch09_06,
}
NON_TRAINING = {"ch01-01", "ch01-02", "ch01-03", "aux", "ch02-02", "ch05-01", "ch09-01", "ch09-02", "ch09-03"}


# ---------------------------------------------------------------------------------------------------
# Timing


def time_lesson(lesson, min_steps):
    """Median wall time of one step of the whole lesson (every variant once), and of each variant's part."""
    vs = lesson.variants
    totals = []
    parts = [[] for _ in vs]

    cpu_steps = []

    def one_step(i, record):
        for v in vs:  # untimed: put ch08-07's weight back at its start
            if v.reset is not None and v.reset_every and i % v.reset_every == 0:
                v.reset()
        c0 = time.process_time()
        t0 = prev = time.perf_counter()
        for k, v in enumerate(vs):
            v.step()
            now = time.perf_counter()
            if record:
                parts[k].append(now - prev)
            prev = now
        if record:
            cpu_steps.append(time.process_time() - c0)
        return prev - t0

    warm = [one_step(i, False) for i in range(WARMUP_STEPS)]
    estimate = statistics.median(warm[-3:])
    n = max(min_steps, min(MAX_STEPS, math.ceil(TARGET_SECONDS / max(estimate, 1e-9))))
    # The median step's process CPU time (all threads) as well: a second figure far less sensitive than wall
    # time to other processes taking the cores (gradcast measures its own steps the same way).
    for i in range(n):
        totals.append(one_step(WARMUP_STEPS + i, True))
    return {"median": statistics.median(totals), "min": min(totals), "cpu": statistics.median(cpu_steps),
            "parts": [statistics.median(p) for p in parts], "steps": n}


def blas_library():
    """Which BLAS shared object this process loaded (PyTorch's Linear layers run through it)."""
    try:
        with open("/proc/self/maps") as f:
            libs = {line.split()[-1] for line in f if "blas" in line.lower() or "blis" in line.lower()
                    or "mkl" in line.lower()}
        return ", ".join(sorted(os.path.realpath(p) for p in libs if p.startswith("/"))) or "unknown"
    except OSError:
        return "unknown"


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


def main():
    ap = argparse.ArgumentParser(description="PyTorch CPU ms per training step for the course's lessons.")
    ap.add_argument("--lessons", help="comma-separated lesson ids (default: every training lesson)")
    ap.add_argument("--threads", type=int, help="torch.set_num_threads (default: PyTorch's default)")
    ap.add_argument("--steps", type=int, default=20,
                    help="minimum timed steps per lesson after %d warm-up steps (default 20; tiny models "
                         "run more, about %.1f s of work)" % (WARMUP_STEPS, TARGET_SECONDS))
    ap.add_argument("--json", action="store_true", help="print one JSON array on the last line")
    args = ap.parse_args()

    if args.lessons:
        ids = [s.strip() for s in args.lessons.split(",") if s.strip()]
    else:
        ids = list(LESSONS)
    for i in ids:
        if i not in LESSONS:
            why = "is not a training lesson" if i in NON_TRAINING else "is not a lesson id"
            print("%s %s; training lessons: %s" % (i, why, ", ".join(LESSONS)), file=sys.stderr)
            return 2
    if args.steps < 1 or (args.threads is not None and args.threads < 1):
        print("--steps and --threads must be >= 1", file=sys.stderr)
        return 2

    if torch is None:
        # Debian's python3-torch lives in the system Python. If this is another interpreter (pyenv, venv),
        # run the same command under /usr/bin/python3 once, when that one has torch.
        system = "/usr/bin/python3"
        if (os.environ.get("PYTORCH_BASELINE_REEXEC") != "1" and os.path.exists(system)
                and os.path.realpath(sys.executable) != os.path.realpath(system)):
            os.environ["PYTORCH_BASELINE_REEXEC"] = "1"
            probe = os.system("%s -c 'import torch' >/dev/null 2>&1" % system)
            if probe == 0:
                sys.stdout.flush()
                os.execv(system, [system, os.path.abspath(__file__)] + sys.argv[1:])
        print("python3-torch is not installed: apt-get install -y python3-torch", file=sys.stderr)
        return 3

    if args.threads is not None:
        torch.set_num_threads(args.threads)
    threads = torch.get_num_threads()
    torch.manual_seed(0)
    torch.nn.functional.linear(torch.ones(2, 2), torch.ones(2, 2))  # make sure the BLAS library is loaded

    print("PyTorch %s (%s), torch.get_num_threads() = %d, cores = %s, BLAS: %s" %
          (torch.__version__, sys.executable, threads, os.cpu_count(), blas_library()))
    print("load average at start: %s" % loadavg())
    print("ms/step: median wall time of one training step (zero_grad + forward + loss + backward + "
          "optimizer.step) after %d warm-up steps;" % WARMUP_STEPS)
    print("min ms: fastest step; cpu ms: the median step's process CPU time (all threads), less affected by other load")
    print()
    print("%-9s %-78s %6s %9s %11s %9s %9s" % ("lesson", "model", "steps", "ms/step", "steps/s", "min ms",
                                                "cpu ms"))

    results = []
    for lesson_id in ids:
        lesson = LESSONS[lesson_id]()
        for v in lesson.variants:
            if v.expected_params is not None and v.n_params != v.expected_params:
                print("warning: %s/%s has %d parameters, the catalogue says %d" %
                      (lesson_id, v.name, v.n_params, v.expected_params), file=sys.stderr)
        t = time_lesson(lesson, args.steps)
        parts, n = t["parts"], t["steps"]
        ms = t["median"] * 1000
        row = {"lesson": lesson_id, "msPerStep": round(ms, 4), "stepsPerSecond": round(1000 / ms, 1),
               "threads": threads, "torch": torch.__version__}
        print("%-9s %-78s %6d %9.3f %11.1f %9.3f %9.3f" %
              (lesson_id, lesson.summary[:78], n, ms, 1000 / ms, t["min"] * 1000, t["cpu"] * 1000))
        if len(lesson.variants) > 1:
            row["variants"] = {}
            for v, p in zip(lesson.variants, parts):
                pms = p * 1000
                row["variants"][v.name] = {"msPerStep": round(pms, 4), "stepsPerSecond": round(1000 / pms, 1),
                                           "batch": v.batch}
                print("  %-7s %-78s %6s %9.3f %11.1f" % ("", "- %s (batch %d, %d params)" %
                                                         (v.name, v.batch, v.n_params), "", pms, 1000 / pms))
        if len(lesson.variants) == 1:
            row["batch"] = lesson.variants[0].batch
        row["steps"] = n
        row["msMin"] = round(t["min"] * 1000, 4)
        row["cpuMsPerStep"] = round(t["cpu"] * 1000, 4)
        results.append(row)
    print()
    print("load average at end: %s" % loadavg())
    if args.json:
        print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
