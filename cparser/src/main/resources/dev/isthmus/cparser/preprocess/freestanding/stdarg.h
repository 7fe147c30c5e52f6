/* Isthmus's own <stdarg.h> (C11 7.16) for targets other than the host: the headers a
 * freestanding implementation provides, written over the target compiler's predefined
 * macros, so they describe that target and not the machine running the preprocessor. */
#ifndef _ISTHMUS_STDARG_H
#define _ISTHMUS_STDARG_H

typedef __builtin_va_list va_list;
typedef __builtin_va_list __gnuc_va_list;

#define va_start(ap, last) __builtin_va_start(ap, last)
#define va_arg(ap, type) __builtin_va_arg(ap, type)
#define va_copy(dest, src) __builtin_va_copy(dest, src)
#define va_end(ap) __builtin_va_end(ap)

#endif
