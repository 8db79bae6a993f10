// The token is put together so that no file of this IT holds it literally (see invoker.properties).
ai.osvi.it.ItSimulator.start(basedir, context, 'quick-pass.json', 'itTokenDebug' + '0001')
true
