ai.osvi.it.ItSimulator.start(basedir, context, 'quick-pass.json', 'itTokenNoRule001')
true
