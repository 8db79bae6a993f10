ai.osvi.it.ItSimulator.start(basedir, context, new File(itFixtures, 'complete.json'), 'itTokenParent001')
true
