/* A small header for isthmus bind's golden files: one of each thing it generates. */
#ifndef SHAPES_H
#define SHAPES_H

#include <stdint.h>

#define SHAPES_VERSION "1.0"
#define SHAPES_MAX 16
#define SHAPES_SCALE 0.5
#define SHAPES_AREA(w, h) ((w) * (h))

enum shape_kind { SHAPE_CIRCLE, SHAPE_SQUARE = 4, SHAPE_TRIANGLE };

struct shape_point { int32_t x; int32_t y; };

/* A bitfield, a nested struct, an array and a union. */
struct shape {
    unsigned kind : 3;
    unsigned filled : 1;
    int layer : 4;
    struct shape_point origin;
    double sides[4];
    union { float radius; int32_t corners; };
};

typedef double (*shape_measure_fn)(const struct shape *shape);

/* Operations on shapes: each function pointer member is a callback interface of its own. */
struct shape_ops {
    double (*area)(const struct shape *shape);
    shape_measure_fn perimeter;
    int (*describe)(const struct shape *shape, char *out, int size);
};

double shape_area(const struct shape *shape);
double shape_apply(const struct shape_ops *ops, const struct shape *shape);
struct shape_point shape_center(struct shape s);
double shape_measure_all(const struct shape *shapes, int count, shape_measure_fn measure);
int shape_printf(const char *format, ...);
/* A callback whose type only the parameter spells: its interface keeps the names it gives. */
void shape_visit(const struct shape *shapes, int count, void (*visit)(const struct shape *shape, int index, void *user), void *user);

/* A call of a bound function: a static method with the function's parameter types. */
#define SHAPES_SUM(shapes) shape_measure_all((shapes), SHAPES_MAX, 0)

/* Not integer arithmetic: listed in the report. */
#define SHAPES_NAME(s) #s

#endif
