using Poyo.OpenApi.Generator;

// Usage: Poyo.OpenApi.Generator <path to nswag.json>
if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Poyo.OpenApi.Generator <nswag.json>");
    return 2;
}

return await NSwagRunner.RunAsync(args[0]);
