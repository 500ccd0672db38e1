# Data installed under $(pkgdatadir); the same files are embedded in the program.
nobase_dist_pkgdata_DATA += $(EMBEDDED_FILES) themes/template.theme
