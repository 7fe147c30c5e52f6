/* Every header of libisthmustest.so in one include. The area headers are written to
 * be included together (no clashing tags or names) as well as alone. */
#ifndef ISTHMUS_TEST_H
#define ISTHMUS_TEST_H

#include "arith.h"
#include "bitfields.h"
#include "callbacks.h"
#include "cstrings.h"
#include "enums.h"
#include "errnos.h"
#include "globals.h"
#include "handles.h"
#include "layouts.h"
#include "nested.h"
#include "pointers.h"
#include "scalars.h"
#include "structs.h"
#include "unions.h"
#include "variadic.h"

#endif
