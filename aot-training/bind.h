/* With aot-training/codegen-cli.h, the training run of the start-up cache of isthmus cdecl and
 * bind (see the launcher): bind reads this through its built-in preprocessor, system headers
 * included, as a user's run does, and binds a variadic function, a callback and a macro. */
#include <stdio.h>
#include <stdint.h>

#define TRAINING_VERSION "1.0"
#define TRAINING_FLAG(n) (1u << (n))

typedef int (*training_visit)(const char *name, uint32_t flags, void *user);

int training_print(FILE *stream, const char *format, ...);
int training_each(training_visit visit, void *user);
