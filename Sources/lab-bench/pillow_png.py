"""Pillow's PNG save time for one image, for `make bench` to compare NNLab's PNG writer with.

Loads IMAGE (a PNG) as RGB and saves it to memory with Pillow's defaults (zlib level 6,
adaptive filtering) 40 times. Prints the median CPU time of one save in milliseconds and the
file size in bytes.

usage: python3 pillow_png.py IMAGE
"""
import io
import sys
import time

from PIL import Image


def main():
    image = Image.open(sys.argv[1]).convert("RGB")
    image.load()
    times = []
    size = 0
    for _ in range(40):
        buffer = io.BytesIO()
        start = time.thread_time()
        image.save(buffer, "PNG")
        times.append(time.thread_time() - start)
        size = len(buffer.getvalue())
    print(sorted(times)[len(times) // 2] * 1e3, size)


if __name__ == "__main__":
    main()
