namespace ETicket.Domain.Pictures.Storage;

/// <summary>
/// The picture store could not do what it was asked, said so an operator can act on it (which setting,
/// which bucket). The message never carries a secret; the store's own error is the inner exception.
/// </summary>
public sealed class PictureStoreException(string message, Exception? innerException = null) : Exception(message, innerException);
