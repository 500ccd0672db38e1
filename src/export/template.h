#ifndef STUB_template
#define STUB_template
#endif
