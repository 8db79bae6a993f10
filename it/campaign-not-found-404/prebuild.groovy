ai.osvi.it.ItSimulator.start(basedir, context, 'quick-pass.json', 'itToken404Camp01')
true
