#ifndef STUB_feedback
#define STUB_feedback
#endif
