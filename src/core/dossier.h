#ifndef STUB_dossier
#define STUB_dossier
#endif
