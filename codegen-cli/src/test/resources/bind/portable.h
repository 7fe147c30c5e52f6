/* Declarations whose layouts and signatures differ between SysV x86-64, AArch64 and Win64,
   for the tests of isthmus bind --abi portable. It includes nothing: the C library's headers
   on this machine describe it alone, so the few libc functions called are declared here. */

typedef __SIZE_TYPE__ size_t;

/* C long is 8 bytes on SysV and AArch64, 4 on Win64; char is unsigned on AArch64. */
struct port_scalars {
    char c;
    long l;
    unsigned long ul;
    long long ll;
    short s;
    double d;
    void *p;
    int numbers[3];
    size_t size;
};

/* MSVC starts a new storage unit where the declared type's size changes; GCC does not. */
struct port_bits {
    unsigned char a : 3;
    unsigned int b : 7;
    int c : 12;
    long long d : 40;
    unsigned short e : 5;
    long f : 20;
    signed char g : 2;
};

/* An anonymous union of a long and an int, and a nested struct of another class. */
struct port_nested {
    char tag;
    struct port_scalars inner;
    union {
        int i;
        long lv;
    };
    struct port_bits bits;
    char tail;
};

#pragma pack(push, 2)
struct port_packed {
    char c;
    long l;
    long long ll;
};
#pragma pack(pop)

enum { PORT_LONG_BYTES = sizeof(long), PORT_SIZE_BYTES = sizeof(size_t) };

typedef struct {
    long quot;
    long rem;
} port_ldiv_t;

unsigned long strtoul(const char *text, char **end, int base);
long labs(long value);
long long llabs(long long value);
port_ldiv_t ldiv(long numerator, long denominator) __asm__("ldiv");
size_t strlen(const char *text);
void qsort(void *base, size_t count, size_t size, int (*compare)(const void *, const void *));

/* Constants of type long or unsigned long: 8 bytes on SysV and AArch64, 4 on Win64, so a
   Java long everywhere, holding each ABI's value; a float constant on one ABI and a double
   on the others is a Java double. */
#define PORT_ALL_ONES (~0UL)
#define PORT_WRAPPED (0UL - 2)
#define PORT_MINUS_FIVE (-5L)
#define PORT_LONG_LOW (-2147483647L - 1)
#define PORT_HALF_RANGE (~0UL / 2 + 1)
#ifdef _WIN64
#define PORT_REAL 0.1f
#else
#define PORT_REAL 0.1
#endif

/* Constants whose C type differs between ABIs, and function-like macros computing with them:
   each ABI types a macro with its own constants, and a macro is bound only where all agree.
   PORT_WIDE is a long on SysV and AArch64 and a long long on Win64, 8 bytes on each, so its
   mask is the same everywhere; PORT_ONE is an int, or a long long on Win64, so comparing with
   PORT_ONE - 2 is unsigned or signed, and PORT_ONE - 2u an unsigned int or a long long; PORT_REAL
   makes a product a float on Win64 and a double elsewhere. */
#define PORT_WIDE 0x100000000
#ifdef _WIN64
#define PORT_ONE 1LL
#else
#define PORT_ONE 1
#endif
#define PORT_WIDE_MASK(x) ((x) & (PORT_WIDE - 1))
#define PORT_PLUS_MINUS_FIVE(x) ((x) + PORT_MINUS_FIVE)
#define PORT_BELOW_ALL(x) ((unsigned)(x) < PORT_ONE - 2)
#define PORT_ONES_SHIFTED(x) ((PORT_ONE - 2u) >> (x))
#define PORT_SCALED(x) ((x) * PORT_REAL)
