namespace Ecommerce.Shared.Common;

/// <summary>
/// The store's limits, defined once: the database model's column lengths, the services' validation, the API's
/// documented rules and the forms' <c>maxlength</c> all read them from here, so that a form never accepts what the
/// service refuses or the column cannot hold.
/// </summary>
public static class Limits
{
    public static class Product
    {
        public const int Name = 200;
        public const int Sku = 64;
        public const int Slug = Common.Slug.MaxLength;
        public const int Description = 1000;
        public const int LongDescription = 20000;
        public const int Tag = 40;
        public const int ImageUrl = 500;
        public const int ImageAlt = 300;
        /// <summary>An attribute's or specification's name, and its value.</summary>
        public const int AttributeName = 100;
        public const int AttributeValue = 200;
        /// <summary>A page title and description for search engines (what their result pages show without cutting).</summary>
        public const int SeoTitle = 70;
        public const int SeoDescription = 320;
        public const decimal MaxPrice = 1_000_000_000m;
        public const int MaxStock = 1_000_000_000;
    }

    public static class Category
    {
        public const int Name = 100;
        public const int Slug = Common.Slug.MaxLength;
        public const int Description = 1000;
        public const int ImageUrl = 500;
        public const int SeoTitle = Product.SeoTitle;
        public const int SeoDescription = Product.SeoDescription;
    }

    /// <summary>A postal address: the address book's and the order's copy of it.</summary>
    public static class Address
    {
        public const int FirstName = 100;
        public const int LastName = 100;
        public const int Street = 200;
        public const int Street2 = 200;
        public const int City = 100;
        public const int State = 100;
        public const int ZipCode = 20;
        public const int Country = 100;
        public const int Phone = 40;
    }

    public static class Account
    {
        public const int FirstName = 100;
        public const int LastName = 100;
        public const int Email = 256;
    }

    public static class Coupon
    {
        public const int Code = 50;
        public const int Description = 500;
        public const decimal MaxAmountOff = 1_000_000m;
    }

    public static class Order
    {
        public const int Notes = 2000;
        /// <summary>A note on a status change, a cancellation or a refund reason.</summary>
        public const int Note = 1000;
        public const int TrackingNumber = 100;
        public const int Carrier = 100;
    }

    public static class Review
    {
        public const int AuthorName = 100;
        public const int Title = 200;
        public const int Comment = 4000;
    }

    /// <summary>A free-text search box (storefront search, back-office filters).</summary>
    public const int SearchText = 200;
}
