[assembly: AssemblyFixture(typeof(DeltaStream.Providers.MongoDB.Tests.MongoServer))]
