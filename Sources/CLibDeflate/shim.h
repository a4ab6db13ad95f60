// libdeflate (Debian libdeflate-dev): whole-buffer DEFLATE for writing PNG, several times faster
// than zlib at the same compressed size (see Sources/NNFiles/PNGEncoder.swift).
#include <libdeflate.h>
