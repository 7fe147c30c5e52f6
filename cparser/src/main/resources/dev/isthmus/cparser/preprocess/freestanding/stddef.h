/* Isthmus's own <stddef.h> (C11 7.19) for targets other than the host: the headers a
 * freestanding implementation provides, written over the target compiler's predefined
 * macros, so they describe that target and not the machine running the preprocessor. */
#ifndef _ISTHMUS_STDDEF_H
#define _ISTHMUS_STDDEF_H

typedef __PTRDIFF_TYPE__ ptrdiff_t;
typedef __SIZE_TYPE__ size_t;
typedef __WCHAR_TYPE__ wchar_t;

#define NULL ((void *) 0)
#define offsetof(type, member) __builtin_offsetof(type, member)

#endif
