ai.osvi.it.ItSimulator.start(basedir, context, 'quick-pass.json', 'itTokenInvalid01')
true
