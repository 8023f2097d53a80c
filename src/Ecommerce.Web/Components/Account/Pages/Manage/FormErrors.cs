using Ecommerce.Shared.Common;
using Microsoft.AspNetCore.Components.Forms;

namespace Ecommerce.Web.Components.Account.Pages.Manage;

/// <summary>Shows a service's errors next to the inputs of a static form.</summary>
internal static class FormErrors
{
    /// <summary>
    /// Adds each error to the form field its <see cref="Error.Field"/> names (the service's camelCase "firstName"
    /// is the model's FirstName) and returns the messages of the errors that name no field of the model, to show
    /// above the form.
    /// </summary>
    public static List<string> Show(EditContext editContext, IEnumerable<Error> errors)
    {
        var messages = new ValidationMessageStore(editContext);
        var unplaced = new List<string>();
        var modelType = editContext.Model.GetType();
        foreach (var error in errors)
        {
            var property = error.Field is { Length: > 0 } field
                ? modelType.GetProperty(char.ToUpperInvariant(field[0]) + field[1..])
                : null;
            if (property is null) unplaced.Add(error.Message);
            else messages.Add(editContext.Field(property.Name), error.Message);
        }
        editContext.NotifyValidationStateChanged();
        return unplaced;
    }
}
