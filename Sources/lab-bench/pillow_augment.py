"""Pillow's throughput for NNLab's standard augmentation pipeline, the same operations as
`lab augment`'s: random resized crop to 224 (scale 0.08-1, ratio 3/4-4/3, bilinear with Pillow's
antialiasing), horizontal flip with p = 0.5, and brightness, contrast and saturation factors in
[0.6, 1.4] in a random order. Single-threaded. Prints the median of 5 runs, in images per second
of this thread's CPU time (the wall time of a shared machine counts other people's work).

usage: python3 pillow_augment.py IMAGE COUNT
"""
import math
import random
import sys
import time

from PIL import Image, ImageEnhance


def random_resized_crop(image, rng, size=224):
    width, height = image.size
    area = width * height
    for _ in range(10):
        target = area * rng.uniform(0.08, 1.0)
        aspect = math.exp(rng.uniform(math.log(3 / 4), math.log(4 / 3)))
        w = int(round(math.sqrt(target * aspect)))
        h = int(round(math.sqrt(target / aspect)))
        if 0 < w <= width and 0 < h <= height:
            x = rng.randint(0, width - w)
            y = rng.randint(0, height - h)
            return image.resize((size, size), Image.BILINEAR, box=(x, y, x + w, y + h))
    return image.resize((size, size), Image.BILINEAR)


def augment(image, rng):
    out = random_resized_crop(image, rng)
    if rng.random() < 0.5:
        out = out.transpose(Image.FLIP_LEFT_RIGHT)
    steps = [ImageEnhance.Brightness, ImageEnhance.Contrast, ImageEnhance.Color]
    rng.shuffle(steps)
    for step in steps:
        out = step(out).enhance(rng.uniform(0.6, 1.4))
    return out


def main():
    image = Image.open(sys.argv[1]).convert("RGB")
    image.load()
    count = int(sys.argv[2])
    rng = random.Random(0)
    for _ in range(10):
        augment(image, rng)
    rates = []
    for _ in range(5):
        start = time.thread_time()
        for _ in range(count):
            augment(image, rng)
        rates.append(count / (time.thread_time() - start))
    print(sorted(rates)[len(rates) // 2])


if __name__ == "__main__":
    main()
