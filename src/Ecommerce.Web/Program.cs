using Ecommerce.Api;
using Ecommerce.Shared.Data;
using Ecommerce.Web.Hosting;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddStore(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddStoreApi();
builder.Services.AddStoreWeb(builder.Configuration);

var app = builder.Build();

await app.Services.InitializeStoreAsync(app.Environment.IsDevelopment());

app.UseStoreWeb();
app.MapStoreApi();
app.MapStoreWeb();

app.Run();
