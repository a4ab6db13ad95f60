"""numpy's Philox4x64-10 with its ziggurat (256 layers): the same work as NNLab's normal fill.

Prints the median CPU seconds (process time, which the other programs on a shared machine do not
inflate) of 3 calls of `Generator(Philox(key)).standard_normal(COUNT)` on one core
(numpy's random module is single-threaded), for comparing with NNLab's one-core fill of the same
number of draws.

Usage: python3 numpy_random.py COUNT
"""
import sys
import time

import numpy as np


def main():
    count = int(sys.argv[1])
    generator = np.random.Generator(np.random.Philox(key=[0x0123456789ABCDEF, 0xFEDCBA9876543210]))
    out = np.empty(count)
    generator.standard_normal(count, out=out)  # warm the pages of `out`
    times = []
    for _ in range(3):
        start = time.process_time()
        generator.standard_normal(count, out=out)
        times.append(time.process_time() - start)
    print(sorted(times)[1])


main()
