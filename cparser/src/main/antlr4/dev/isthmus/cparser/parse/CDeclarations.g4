/*
 * C11 declarations, plus the GNU spellings that `cc -E` output of glibc headers contains,
 * plus LuaJIT's type-string extensions (`[?]`, `$`). Rule names follow the C11 standard's
 * productions (C11 6.7, 6.5, A.2); GNU extensions are separate alternatives marked GNU.
 *
 * What this grammar does not do:
 * - Typedef names: the lexer produces IDENTIFIER for every name, and TypedefNameClassifier
 *   (a token source between lexer and parser) retypes the ones that name a typedef in
 *   scope to TYPEDEF_NAME, so the parser needs no semantic predicates (the "lexer hack").
 * - Function bodies are not parsed: `compoundStatement` matches balanced braces.
 * - Preprocessor lines (`# 12 "file.h"`, `#pragma pack`, `#define`) arrive as DIRECTIVE
 *   tokens on their own channel and are interpreted by DirectiveTracker.
 */
grammar CDeclarations;

/**
 * TypedefNameClassifier retypes IDENTIFIERs that name a typedef in scope to TYPEDEF_NAME and,
 * under LuaJIT's rules only, the MSVC keywords LuaJIT knows (so C text may still use those
 * names): CALLING_CONVENTION for __cdecl, __fastcall, __stdcall and __thiscall, DECLSPEC for
 * __declspec, POINTER_SIZE for __ptr32 and __ptr64 (and COMPLEX for `complex`).
 */
tokens { TYPEDEF_NAME, CALLING_CONVENTION, DECLSPEC, POINTER_SIZE }

// ---- Entry points ----------------------------------------------------------------------

/**
 * One top-level item; the driver calls this repeatedly so it can recover between items.
 *
 * A declaration (C11 6.7) and a function definition (6.9.1) begin alike, with specifiers
 * and a declarator; the token after the declarators tells them apart ('{' starts a body),
 * so they share this rule rather than being alternatives: as alternatives, choosing one
 * meant looking ahead through the whole declarator, which on a cold JVM made ANTLR build
 * DFA states for every shape of declaration and was a third of the parse. The builder
 * checks that a body follows exactly one declarator without an initializer. (A body right
 * after the specifiers is not allowed: `struct s {` would then be ambiguous up to its end.)
 */
externalDeclaration
    : declarationSpecifiers (initDeclaratorList (';' | compoundStatement) | ';')
    | staticAssertDeclaration
    | ASM '(' stringLiteral ')' ';'                 // GNU: top-level asm
    | ';'
    ;

/** A type string such as `int (*)(int, ...)` or `uint8_t[?]`. */
typeNameOnly
    : typeName EOF
    ;

/** The body of a `#define NAME body` line that may be a constant. */
macroBody
    : expression EOF
    ;

/** A function body: skipped, only its braces are matched. */
compoundStatement
    : '{' balanced* '}'
    ;

balanced
    : '{' balanced* '}'
    | ~('{' | '}')
    ;

// ---- Declarations (C11 6.7) ------------------------------------------------------------

declarationSpecifiers
    : declarationSpecifier+
    ;

declarationSpecifier
    : storageClassSpecifier
    | typeSpecifier
    | typeQualifier
    | functionSpecifier
    | alignmentSpecifier
    | gnuAttribute                                    // GNU
    ;

initDeclaratorList
    : initDeclarator (',' initDeclarator)*
    ;

initDeclarator
    : declarator asmLabel? gnuAttribute* ('=' initializer)?
    ;

asmLabel
    : ASM '(' stringLiteral ')'                       // GNU: __asm__("symbol")
    ;

storageClassSpecifier
    : TYPEDEF | EXTERN | STATIC | THREAD_LOCAL | AUTO | REGISTER
    ;

typeSpecifier
    : VOID | CHAR | SHORT | INT | LONG | FLOAT | DOUBLE | SIGNED | UNSIGNED | BOOL | COMPLEX
    | INT128                                          // GNU
    | FLOAT_N                                         // _Float16, _Float128, __float128, ...
    | atomicTypeSpecifier
    | structOrUnionSpecifier
    | enumSpecifier
    | TYPEDEF_NAME
    | typeofSpecifier                                 // GNU
    | DOLLAR                                          // LuaJIT: type parameter
    ;

typeofSpecifier
    : TYPEOF '(' (typeName | expression) ')'
    ;

atomicTypeSpecifier
    : ATOMIC '(' typeName ')'
    ;

structOrUnionSpecifier
    : structOrUnion gnuAttribute* identifier? '{' structDeclaration* '}' gnuAttribute*
    | structOrUnion gnuAttribute* identifier
    ;

structOrUnion
    : STRUCT | UNION
    ;

// The second form starts with what a member's specifiers cannot have, so one token decides
// (as the same form after a member's specifiers it needed lookahead through every member).
structDeclaration
    : specifierQualifierList structDeclaratorList? ';'
    | (storageClassSpecifier | functionSpecifier) declarationSpecifiers? initDeclaratorList ';'   // LuaJIT: static const int k = 1; (and errors)
    | staticAssertDeclaration
    | ';'
    ;

specifierQualifierList
    : (typeSpecifier | typeQualifier | alignmentSpecifier | gnuAttribute)+
    ;

structDeclaratorList
    : structDeclarator (',' structDeclarator)*
    ;

structDeclarator
    : declarator (':' constantExpression)? gnuAttribute*
    | ':' constantExpression gnuAttribute*            // an unnamed bitfield
    ;

enumSpecifier
    : ENUM gnuAttribute* identifier? '{' enumerator (',' enumerator)* ','? '}' gnuAttribute*
    | ENUM gnuAttribute* identifier
    ;

enumerator
    : identifier gnuAttribute* ('=' constantExpression)?
    ;

typeQualifier
    : CONST | RESTRICT | VOLATILE | ATOMIC | NULLABILITY
    ;

functionSpecifier
    : INLINE | NORETURN
    ;

alignmentSpecifier
    : ALIGNAS '(' (typeName | constantExpression) ')'
    ;

declarator
    : pointer? directDeclarator
    ;

directDeclarator
    : (identifier | '(' gnuAttribute* declarator ')') declaratorSuffix*
    ;

declaratorSuffix
    : '[' typeQualifier* STATIC? typeQualifier* assignmentExpression? ']'
    | '[' typeQualifier* '*' ']'
    | '[' '?' ']'                                     // LuaJIT: variable-length array
    | '(' parameterTypeList ')' gnuAttribute*
    | '(' identifierList? ')' gnuAttribute*           // K&R
    ;

pointer
    : (('*' | '&' | '&&') (typeQualifier | gnuAttribute)*)+   // '&', '&&': LuaJIT's C++ references
    ;

parameterTypeList
    : parameterDeclaration (',' parameterDeclaration)* (',' '...')?
    ;

// The abstract form comes first: where a typedef name could be either the parameter's name
// or its type (`int f(const T)`), it is the type (C11 6.7.6.3p11), and ANTLR resolves an
// ambiguity in favour of the first alternative.
parameterDeclaration
    : declarationSpecifiers abstractDeclarator?
    | declarationSpecifiers declarator
    ;

identifierList
    : IDENTIFIER (',' IDENTIFIER)*
    ;

typeName
    : specifierQualifierList abstractDeclarator? gnuAttribute*
    ;

abstractDeclarator
    : pointer
    | pointer? directAbstractDeclarator
    ;

directAbstractDeclarator
    : '(' gnuAttribute* abstractDeclarator ')' declaratorSuffix*
    | declaratorSuffix+
    ;

initializer
    : assignmentExpression
    | '{' balanced* '}'
    ;

staticAssertDeclaration
    : STATIC_ASSERT '(' constantExpression (',' stringLiteral)? ')' ';'
    ;

// ---- GNU attributes --------------------------------------------------------------------

gnuAttribute
    : ATTRIBUTE '(' '(' gnuAttributeItem? (',' gnuAttributeItem?)* ')' ')'
    | CALLING_CONVENTION                              // LuaJIT, MSVC: __cdecl, __stdcall, ...
    | DECLSPEC '(' gnuAttributeItem* ')'              // LuaJIT, MSVC: __declspec(align(8))
    | POINTER_SIZE                                    // LuaJIT, MSVC: __ptr32, __ptr64
    ;

/** An attribute name (a keyword such as `const` may be one) and its arguments. */
gnuAttributeItem
    : gnuAttributeName ('(' gnuAttributeArguments? ')')?
    ;

gnuAttributeName
    : identifier | CONST | VOLATILE | INLINE | NORETURN
    ;

gnuAttributeArguments
    : expression
    | attributeTokens+
    ;

/** Arguments that are not expressions (rare: `availability(macos, introduced=10.4)`). */
attributeTokens
    : '(' attributeTokens* ')'
    | ~('(' | ')')
    ;

// ---- Expressions (C11 6.5), for constant expressions -------------------------------------

constantExpression
    : conditionalExpression
    ;

expression
    : assignmentExpression (',' assignmentExpression)*
    ;

assignmentExpression
    : conditionalExpression
    ;

conditionalExpression
    : binaryExpression ('?' expression ':' conditionalExpression)?
    ;

/** Binary operators by precedence, C11 6.5.5 to 6.5.14: ANTLR climbs precedence for us. */
binaryExpression
    : castExpression
    | binaryExpression op=('*' | '/' | '%') binaryExpression
    | binaryExpression op=('+' | '-') binaryExpression
    | binaryExpression op=('<<' | '>>') binaryExpression
    | binaryExpression op=('<' | '>' | '<=' | '>=') binaryExpression
    | binaryExpression op=('==' | '!=') binaryExpression
    | binaryExpression op='&' binaryExpression
    | binaryExpression op='^' binaryExpression
    | binaryExpression op='|' binaryExpression
    | binaryExpression op='&&' binaryExpression
    | binaryExpression op='||' binaryExpression
    ;

castExpression
    : '(' typeName ')' castExpression
    | unaryExpression
    ;

unaryExpression
    : postfixExpression
    | op=('+' | '-' | '~' | '!' | '&' | '*') castExpression
    | SIZEOF '(' typeName ')'
    | SIZEOF unaryExpression
    | ALIGNOF '(' typeName ')'
    | ALIGNOF unaryExpression                         // GNU: __alignof__ expr
    ;

postfixExpression
    : primaryExpression postfixSuffix*
    ;

postfixSuffix
    : '[' expression ']'
    | '(' (assignmentExpression (',' assignmentExpression)*)? ')'
    | ('.' | '->') identifier
    ;

primaryExpression
    : IDENTIFIER
    | INTEGER_CONSTANT
    | FLOATING_CONSTANT
    | CHARACTER_CONSTANT
    | stringLiteral
    | '(' expression ')'
    | OFFSETOF '(' typeName ',' memberDesignator ')'  // GNU: __builtin_offsetof
    | '(' compoundStatement ')'                       // GNU: statement expression (never constant)
    ;

memberDesignator
    : identifier ('.' identifier | '[' expression ']')*
    ;

stringLiteral
    : STRING_LITERAL+
    ;

/** A name in a position where a typedef name may be reused (member, tag, parameter). */
identifier
    : IDENTIFIER
    | TYPEDEF_NAME
    ;

// ---- Lexer ------------------------------------------------------------------------------

AUTO : 'auto';
BOOL : '_Bool';
CHAR : 'char';
CONST : 'const' | '__const' | '__const__';
DOUBLE : 'double';
ENUM : 'enum';
EXTERN : 'extern';
FLOAT : 'float';
INLINE : 'inline' | '__inline' | '__inline__';
INT : 'int';
LONG : 'long';
REGISTER : 'register';
RESTRICT : 'restrict' | '__restrict' | '__restrict__';
SHORT : 'short';
SIGNED : 'signed' | '__signed' | '__signed__';
SIZEOF : 'sizeof';
STATIC : 'static';
STRUCT : 'struct';
TYPEDEF : 'typedef';
UNION : 'union';
UNSIGNED : 'unsigned';
VOID : 'void';
VOLATILE : 'volatile' | '__volatile' | '__volatile__';
ALIGNAS : '_Alignas' | 'alignas';
ALIGNOF : '_Alignof' | 'alignof' | '__alignof' | '__alignof__';
ATOMIC : '_Atomic';
COMPLEX : '_Complex' | '__complex__' | '__complex';
NORETURN : '_Noreturn';
STATIC_ASSERT : '_Static_assert' | 'static_assert';
THREAD_LOCAL : '_Thread_local' | '__thread';
INT128 : '__int128' | '__int128__';
FLOAT_N : '_Float16' | '_Float32' | '_Float64' | '_Float128' | '_Float32x' | '_Float64x' | '__float128' | '__fp16';
ATTRIBUTE : '__attribute__' | '__attribute';
ASM : 'asm' | '__asm' | '__asm__';
TYPEOF : 'typeof' | '__typeof' | '__typeof__';
OFFSETOF : '__builtin_offsetof';
NULLABILITY : '_Nonnull' | '_Nullable' | '_Null_unspecified';
EXTENSION : '__extension__' -> skip;

/** A lone `$` is a LuaJIT type parameter; DOLLAR wins the tie with IDENTIFIER by coming first. */
DOLLAR : '$';
IDENTIFIER : [a-zA-Z_$] [a-zA-Z_0-9$]* ;

INTEGER_CONSTANT
    : ( [1-9] [0-9']* | '0' [0-7']* | '0' [xX] [0-9a-fA-F']+ | '0' [bB] [01']+ ) INTEGER_SUFFIX?
    ;

fragment INTEGER_SUFFIX : [uUlLiIjJ]+ ;

FLOATING_CONSTANT
    : ( [0-9]+ '.' [0-9]* EXPONENT? | '.' [0-9]+ EXPONENT? | [0-9]+ EXPONENT ) FLOAT_SUFFIX?
    | '0' [xX] ( [0-9a-fA-F]* '.' [0-9a-fA-F]+ | [0-9a-fA-F]+ '.'? ) [pP] [+-]? [0-9]+ FLOAT_SUFFIX?
    ;

fragment EXPONENT : [eE] [+-]? [0-9]+ ;
fragment FLOAT_SUFFIX : [fFlLiIjJ]+ | [fF] ('16' | '32' | '64' | '128') 'x'? ;

CHARACTER_CONSTANT : [LuU]? '\'' ( ~['\\\r\n] | '\\' . )+ '\'' ;

STRING_LITERAL : ( 'u8' | [LuU] )? '"' ( ~["\\\r\n] | '\\' . )* '"' ;

ELLIPSIS : '...';
LPAREN : '(';
RPAREN : ')';
LBRACKET : '[';
RBRACKET : ']';
LBRACE : '{';
RBRACE : '}';
SEMI : ';';
COMMA : ',';
COLON : ':';
QUESTION : '?';
ASSIGN : '=';
STAR : '*';
DOT : '.';
ARROW : '->';
PLUS : '+';
MINUS : '-';
TILDE : '~';
NOT : '!';
AMP : '&';
DIV : '/';
MOD : '%';
SHL : '<<';
SHR : '>>';
LT : '<';
GT : '>';
LE : '<=';
GE : '>=';
EQ : '==';
NE : '!=';
CARET : '^';
PIPE : '|';
ANDAND : '&&';
OROR : '||';
/** Operators that only occur inside skipped bodies or expressions we never evaluate. */
OTHER_OPERATOR : '++' | '--' | '*=' | '/=' | '%=' | '+=' | '-=' | '<<=' | '>>=' | '&=' | '^=' | '|=' | '@' | '\\';

/** A preprocessor line: a line marker, #pragma, #define... (after `cc -E`, only these). */
DIRECTIVE : '#' ( ~[\r\n\\] | '\\' . )* -> channel(2);

BLOCK_COMMENT : '/*' .*? '*/' -> skip;
LINE_COMMENT : '//' ~[\r\n]* -> skip;
WHITESPACE : [ \t\r\n\f\u000B]+ -> skip;

/** Any other character: the parser reports it with its position. */
UNEXPECTED_CHARACTER : . ;
