/* The training run of isthmus cdecl's start-up cache (see the launcher). */
#define NAME_LEN 16
typedef unsigned long size_t_like;
typedef void (*callback_t)(int code, const char *message);
enum color { RED, GREEN = 4, BLUE };
struct point { double x, y; };
union value { int i; double d; char bytes[8]; };
struct record {
    char tag;
    struct point where;
    union value v;
    unsigned flags : 3, kind : 5;
    _Bool done : 1;
    size_t_like count;
    char name[NAME_LEN];
    callback_t on_done;
    enum color color;
    struct record *next;
    int data[];
};
