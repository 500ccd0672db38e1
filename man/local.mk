dist_man_MANS = man/cchc.1
