ai.osvi.it.ItSimulator.start(basedir, context, 'errors-then-complete.json', 'itTokenTransient')
true
