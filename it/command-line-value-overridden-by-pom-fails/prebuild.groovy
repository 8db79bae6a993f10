ai.osvi.it.ItSimulator.start(basedir, context, 'quick-pass.json', 'itTokenOverride1')
true
