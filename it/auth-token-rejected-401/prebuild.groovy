ai.osvi.it.ItSimulator.start(basedir, context, 'passing', 'itRightToken0401')
true
