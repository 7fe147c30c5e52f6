/* Isthmus's own <stdbool.h> (C11 7.18) for targets other than the host: the headers a
 * freestanding implementation provides, written over the target compiler's predefined
 * macros, so they describe that target and not the machine running the preprocessor. */
#ifndef _ISTHMUS_STDBOOL_H
#define _ISTHMUS_STDBOOL_H

#define bool _Bool
#define true 1
#define false 0
#define __bool_true_false_are_defined 1

#endif
