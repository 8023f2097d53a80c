using Ecommerce.Shared.Common;

namespace Ecommerce.Tests.Unit.Common;

public class SlugTests
{
    [Theory]
    [InlineData("Crème Brûlée", "creme-brulee")]
    [InlineData("Café Crème 200g", "cafe-creme-200g")]
    [InlineData("Men's Tee", "mens-tee")]
    [InlineData("Men’s Tee", "mens-tee")]
    [InlineData("Salt & Pepper", "salt-and-pepper")]
    [InlineData("Salt&Pepper", "salt-and-pepper")]
    [InlineData("Power & Charging", "power-and-charging")]
    [InlineData("Hello,   World!!!", "hello-world")]
    [InlineData("a -- b __ c", "a-b-c")]
    [InlineData("  --Leading and trailing--  ", "leading-and-trailing")]
    [InlineData("!!!Wow???", "wow")]
    [InlineData("Straße", "strasse")]
    [InlineData("Smørrebrød", "smorrebrod")]
    [InlineData("Æble Œuvre", "aeble-oeuvre")]
    [InlineData("Łódź", "lodz")]
    [InlineData("USB-C 100W Cable (2 m)", "usb-c-100w-cable-2-m")]
    [InlineData("ALL CAPS", "all-caps")]
    [InlineData("already-a-slug", "already-a-slug")]
    [InlineData("日本", "")]
    public void From_makes_lower_case_ascii_words_joined_by_single_hyphens(string text, string expected)
    {
        Assert.Equal(expected, Slug.From(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    [InlineData("---")]
    [InlineData("?!.,")]
    public void From_empty_whitespace_or_punctuation_is_empty(string? text)
    {
        Assert.Equal("", Slug.From(text));
    }

    [Fact]
    public void From_cuts_at_80_characters()
    {
        var slug = Slug.From(new string('a', 200));
        Assert.Equal(new string('a', Slug.MaxLength), slug);
    }

    [Fact]
    public void From_never_ends_with_a_hyphen_after_cutting()
    {
        // 79 letters, a space, then more: the 80th character of the slug would be a hyphen.
        var text = new string('a', 79) + " bcdef";
        var slug = Slug.From(text);
        Assert.Equal(new string('a', 79), slug);
        Assert.False(slug.EndsWith('-'));
        Assert.True(slug.Length <= Slug.MaxLength);
    }

    [Fact]
    public void From_of_many_words_is_at_most_80_characters_and_valid()
    {
        var text = string.Join(" ", Enumerable.Range(1, 40).Select(i => $"Word{i}"));
        var slug = Slug.From(text);
        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.False(slug.EndsWith('-'));
        Assert.StartsWith("word1-word2-word3", slug);
        Assert.True(Slug.IsValid(slug));
    }

    [Theory]
    [InlineData("creme-brulee", true)]
    [InlineData("a", true)]
    [InlineData("usb-c-100w", true)]
    [InlineData("Creme-Brulee", false)]
    [InlineData("creme--brulee", false)]
    [InlineData("-creme", false)]
    [InlineData("creme-", false)]
    [InlineData("crème", false)]
    [InlineData("creme brulee", false)]
    [InlineData("mens_tee", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsValid_accepts_only_canonical_slugs(string? slug, bool expected)
    {
        Assert.Equal(expected, Slug.IsValid(slug));
    }

    [Fact]
    public void IsValid_rejects_slugs_longer_than_80()
    {
        Assert.True(Slug.IsValid(new string('a', 80)));
        Assert.False(Slug.IsValid(new string('a', 81)));
    }

    [Fact]
    public async Task UniqueAsync_returns_the_base_when_free()
    {
        var asked = new List<string>();
        var slug = await Slug.UniqueAsync("desk-lamp", s => { asked.Add(s); return Task.FromResult(false); });
        Assert.Equal("desk-lamp", slug);
        Assert.Equal(["desk-lamp"], asked);
    }

    [Fact]
    public async Task UniqueAsync_adds_2_then_3()
    {
        var taken = new HashSet<string> { "desk-lamp" };
        Assert.Equal("desk-lamp-2", await Slug.UniqueAsync("desk-lamp", s => Task.FromResult(taken.Contains(s))));

        taken.Add("desk-lamp-2");
        Assert.Equal("desk-lamp-3", await Slug.UniqueAsync("desk-lamp", s => Task.FromResult(taken.Contains(s))));

        taken.UnionWith(Enumerable.Range(3, 8).Select(n => $"desk-lamp-{n}"));
        Assert.Equal("desk-lamp-11", await Slug.UniqueAsync("desk-lamp", s => Task.FromResult(taken.Contains(s))));
    }

    [Fact]
    public async Task UniqueAsync_keeps_the_maximum_length()
    {
        var baseSlug = new string('a', Slug.MaxLength);
        var taken = new HashSet<string> { baseSlug };

        var second = await Slug.UniqueAsync(baseSlug, s => Task.FromResult(taken.Contains(s)));
        Assert.Equal(new string('a', 78) + "-2", second);
        Assert.Equal(Slug.MaxLength, second.Length);

        taken.UnionWith(Enumerable.Range(2, 8).Select(n => new string('a', 78) + "-" + n));
        var tenth = await Slug.UniqueAsync(baseSlug, s => Task.FromResult(taken.Contains(s)));
        Assert.Equal(new string('a', 77) + "-10", tenth);
        Assert.True(Slug.IsValid(tenth));
    }

    [Fact]
    public async Task UniqueAsync_does_not_leave_a_double_hyphen_when_cutting()
    {
        // Cutting to 78 characters ends at the hyphen between the words; the suffix must not follow it directly.
        var baseSlug = new string('a', 77) + "-bb";
        Assert.Equal(Slug.MaxLength, baseSlug.Length);

        var slug = await Slug.UniqueAsync(baseSlug, s => Task.FromResult(s == baseSlug));
        Assert.Equal(new string('a', 77) + "-2", slug);
        Assert.True(Slug.IsValid(slug));
    }

    [Fact]
    public async Task UniqueAsync_of_an_empty_base_uses_item()
    {
        Assert.Equal("item", await Slug.UniqueAsync("", _ => Task.FromResult(false)));
        Assert.Equal("item-2", await Slug.UniqueAsync("", s => Task.FromResult(s == "item")));
    }
}
