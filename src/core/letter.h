#ifndef STUB_letter
#define STUB_letter
#endif
