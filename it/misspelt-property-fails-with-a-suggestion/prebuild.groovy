ai.osvi.it.ItSimulator.start(basedir, context, 'quick-pass.json', 'itTokenTypo00001')
true
