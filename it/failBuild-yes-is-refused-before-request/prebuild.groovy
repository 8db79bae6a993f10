ai.osvi.it.ItSimulator.start(basedir, context, new File(itFixtures, 'quick-fail.json'), 'itTokenBoolYes01')
true
