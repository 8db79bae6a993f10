ai.osvi.it.ItSimulator.start(basedir, context, 'quick-fail.json', 'itTokenBoolYes01')
true
