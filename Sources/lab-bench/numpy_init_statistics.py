"""The init-study experiment in float64 numpy with numpy's own generator, for comparing statistics.

For each seed: x ~ N(0, 1) [batch, width], an upstream gradient G ~ N(0, 1) [batch, width], and per
layer one standard normal matrix Z [width, width]; each Gaussian scheme uses W = s·Z (as NNLab's
InitStudy does), forward h = f(h W), backward dz = dh ⊙ f'(z), dW = hᵀ dz, dh = dz Wᵀ. Prints one
JSON object: {scheme: [[per-layer {activationStd, weightStd, weightGradientStd}] per seed]}.

Usage: python3 numpy_init_statistics.py WIDTH DEPTH BATCH FIRST_SEED SEEDS
"""
import json
import sys

import numpy as np

SCHEMES = {
    "xavier-tanh": (lambda width: 1 / np.sqrt(width), "tanh"),
    "kaiming-relu": (lambda width: np.sqrt(2 / width), "relu"),
}


def forward(z, activation):
    return np.tanh(z) if activation == "tanh" else np.maximum(z, 0)


def derivative(z, activation):
    return 1 - np.tanh(z) ** 2 if activation == "tanh" else (z > 0).astype(np.float64)


def run(width, depth, batch, seed):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((batch, width))
    upstream = rng.standard_normal((batch, width))
    zs_std = [rng.standard_normal((width, width)) for _ in range(depth)]
    out = {}
    for name, (scale_of, activation) in SCHEMES.items():
        s = scale_of(width)
        hs, zs = [x], []
        for l in range(depth):
            z = hs[-1] @ zs_std[l] * s
            zs.append(z)
            hs.append(forward(z, activation))
        dh = upstream
        layers = [None] * depth
        for l in reversed(range(depth)):
            dz = dh * derivative(zs[l], activation)
            dw = hs[l].T @ dz
            layers[l] = {"activationStd": float(hs[l + 1].std()), "weightStd": float(s * zs_std[l].std()),
                         "weightGradientStd": float(dw.std())}
            dh = dz @ (zs_std[l] * s).T
        out[name] = layers
    return out


def main():
    width, depth, batch, first, seeds = (int(a) for a in sys.argv[1:6])
    results = {name: [] for name in SCHEMES}
    for seed in range(first, first + seeds):
        for name, layers in run(width, depth, batch, seed).items():
            results[name].append(layers)
    print(json.dumps(results))


if __name__ == "__main__":
    main()
