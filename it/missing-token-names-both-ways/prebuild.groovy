ai.osvi.it.ItSimulator.start(basedir, context, 'quick-pass.json', 'itTokenMissing01')
true
