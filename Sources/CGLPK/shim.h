// The GNU Linear Programming Kit's C API, from Debian's libglpk-dev (GPL-3.0).
// Debian ships no glpk.pc, so the module map links "glpk" directly.
#include <glpk.h>
