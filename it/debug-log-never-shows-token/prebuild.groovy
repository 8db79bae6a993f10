// The token is put together so that no file of this IT holds it literally (see invoker.properties).
ai.osvi.it.ItSimulator.start(basedir, context, new File(itFixtures, 'quick-pass.json'), 'itTokenDebug' + '0001')
true
