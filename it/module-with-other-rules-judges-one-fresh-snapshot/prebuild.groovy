ai.osvi.it.ItSimulator.start(basedir, context, 'complete.json', 'itTokenParent001')
true
