// zlib (Debian zlib1g-dev): gzopen/gzread for the gzip-compressed data sets.
#include <zlib.h>
