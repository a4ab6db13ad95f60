// libpng's simplified API (png_image_*): it reports errors in `png_image.message`
// instead of longjmp-ing through the caller, which makes it safe to call from Swift.
#include <png.h>
