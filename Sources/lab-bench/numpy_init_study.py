"""The init-study compute in numpy, for `make bench` to compare against.

The same work as NNLab's InitStudy.run for each scheme: draw depth [width, width] normal weight
matrices, the forward pass h = tanh(h W), the backward pass with a random upstream gradient,
dW = h^T dz for every layer, and the statistics and histograms of h and dW. numpy's fast
generator (default_rng, a ziggurat) is used, so the comparison is with numpy at its best.
Prints the median wall time of 3 runs in seconds.
"""
import sys
import time

import numpy as np


def run(width, depth, batch, schemes):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((batch, width))
    upstream = rng.standard_normal((batch, width))
    for _ in range(schemes):
        hs, ws, zs = [x], [], []
        for _ in range(depth):
            w = rng.standard_normal((width, width)) * 0.01
            z = hs[-1] @ w
            ws.append(w)
            zs.append(z)
            hs.append(np.tanh(z))
        dh = upstream
        for layer in reversed(range(depth)):
            dz = dh * (1 - np.tanh(zs[layer]) ** 2)
            dh = dz @ ws[layer].T
            dw = hs[layer].T @ dz
            dw.mean(), dw.std()
            np.histogram(dw, bins=60, range=(-4 * dw.std(), 4 * dw.std()))
            h = hs[layer + 1]
            h.mean(), h.std()
            np.histogram(h, bins=60, range=(-1, 1))


def main():
    width, depth, batch, schemes = (int(a) for a in sys.argv[1:5])
    times = []
    for _ in range(3):
        start = time.perf_counter()
        run(width, depth, batch, schemes)
        times.append(time.perf_counter() - start)
    print(sorted(times)[1])


if __name__ == "__main__":
    main()
