ai.osvi.it.ItSimulator.start(basedir, context, 'complete.json', 'itTokenReactor01')
true
