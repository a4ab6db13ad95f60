"""f and f' of the eight activations on n inputs, for `make bench` to compare with NNLab.

The same formulas as NNEngine's Activation (sigmoid in two branches, softplus as
max(z, 0) + log1p(exp(-|z|)), GELU through erfc), float64, one pass for f and one for f'
per activation. Prints the median seconds over 3 runs.
"""
import sys
import time

import numpy as np
from math import sqrt

try:
    from scipy.special import erfc
except ImportError:  # numpy alone: math.erfc vectorized (slower; the ratio then flatters NNLab)
    import math
    erfc = np.vectorize(math.erfc)

LAMBDA, ALPHA = 1.0507009873554804934193349852946, 1.6732632423543772848170429916717


def sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))


def run(z):
    s = sigmoid(z); s * (1 - s)
    t = np.tanh(z); 1 - t * t
    np.maximum(z, 0); (z > 0).astype(float)
    np.where(z > 0, z, 0.01 * z); np.where(z > 0, 1.0, 0.01)
    np.where(z > 0, z, np.expm1(np.minimum(z, 0))); np.where(z > 0, 1.0, np.exp(np.minimum(z, 0)))
    LAMBDA * np.where(z > 0, z, ALPHA * np.expm1(np.minimum(z, 0))); LAMBDA * np.where(z > 0, 1.0, ALPHA * np.exp(np.minimum(z, 0)))
    phi_cdf = 0.5 * erfc(-z / sqrt(2))
    z * phi_cdf; phi_cdf + z * np.exp(-0.5 * z * z) / sqrt(2 * np.pi)
    np.maximum(z, 0) + np.log1p(np.exp(-np.abs(z))); sigmoid(z)


def main():
    n = int(sys.argv[1])
    z = np.random.default_rng(7).standard_normal(n) * 4
    times = []
    for _ in range(3):
        start = time.perf_counter()
        run(z)
        times.append(time.perf_counter() - start)
    print(sorted(times)[1])


if __name__ == "__main__":
    main()
